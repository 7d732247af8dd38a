package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.epcis.EpcisCapture;
import org.oretrace.store.epcis.EpcisMapper;
import org.oretrace.store.epcis.EpcisQuery;
import org.oretrace.store.epcis.EpcisQuery.Match;
import org.oretrace.store.epcis.EpcisQuery.OrderBy;
import org.oretrace.store.epcis.EpcisRecord;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.EpcisXmlWriter;
import org.oretrace.store.json.Json;

/**
 * The EPCIS query interface (REST binding): {@code GET /epcis/events} with the simple event query's
 * parameters (values of one parameter separated by {@code |}), the event, event type, EPC and
 * business step resources. Answers are EPCISQueryDocuments in JSON-LD, each event with its
 * recordTime; the {@code @context} is the union of the contexts the events were captured with.
 * Native custody events are projected first ({@link EpcisCapture#catchUp()}), so they are found
 * like captured ones. Every route negotiates its representation ({@link Representation}): JSON-LD
 * by default, EPCIS 2.0 XML ({@link EpcisXmlWriter}) when the client asks for XML, 406 when it
 * accepts neither. Answers hold only the events in the caller's {@link Scope}: those mapped to
 * custody events it may see (events with no custody meaning only for the platform administrator).
 */
final class QueryEndpoints {

  static final List<String> EVENT_TYPES =
      List.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");

  static final String SIMPLE_EVENT_QUERY = "SimpleEventQuery";

  private final EpcisCapture capture;
  private static final int SCAN_CHUNK = 1_000;

  private final EpcisStore store;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  QueryEndpoints(EpcisCapture capture, Authenticator authenticator, NeedToKnow needToKnow) {
    this.capture = requireNonNull(capture, "capture is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.store = capture.store();
  }

  void events(Context context) {
    answerQuery(context, query(context::queryParam), SIMPLE_EVENT_QUERY);
  }

  void eventsOfType(Context context) {
    String type = context.pathParam("eventType");
    if (!EVENT_TYPES.contains(type)) {
      throw EpcisProblem.noSuchResource("event type " + type);
    }
    answerQuery(
        context,
        query(context::queryParam).and(Match.EVENT_TYPE, List.of(type)),
        SIMPLE_EVENT_QUERY);
  }

  void eventsOfEpc(Context context) {
    answerQuery(
        context,
        query(context::queryParam).and(Match.ANY_IDENTIFIER, List.of(context.pathParam("epc"))),
        SIMPLE_EVENT_QUERY);
  }

  void eventsOfBizStep(Context context) {
    answerQuery(
        context,
        query(context::queryParam).and(Match.BIZ_STEP, List.of(context.pathParam("bizStep"))),
        SIMPLE_EVENT_QUERY);
  }

  void event(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    Representation representation = Representation.of(context);
    capture.catchUp();
    String eventId = context.pathParam("eventID");
    EpcisRecord record =
        store
            .event(eventId)
            .filter(found -> sees(scope, found))
            .orElseThrow(() -> EpcisProblem.noSuchResource("event " + eventId));
    if (representation == Representation.XML) {
      respondXml(context, List.of(record), SIMPLE_EVENT_QUERY);
      return;
    }
    ObjectNode event = withRecordTime(record);
    ObjectNode body = Json.object();
    body.set("@context", record.context());
    body.setAll(event);
    respond(context, representation, body);
  }

  void eventTypes(Context context) {
    respondCollection(context, EVENT_TYPES);
  }

  void bizSteps(Context context) {
    authenticator.authenticate(context);
    Representation representation = Representation.of(context);
    capture.catchUp();
    respondCollection(context, representation, store.bizSteps());
  }

  private static boolean sees(Scope scope, EpcisRecord record) {
    return scope.everything()
        || (!record.custodyEventIds().isEmpty()
            && record.custodyEventIds().stream().allMatch(scope::seesEvent));
  }

  /** The query's answer within the scope: filtered in chunks for callers who see only part. */
  List<EpcisRecord> query(Scope scope, EpcisQuery query, long offset, int limit) {
    if (scope.everything() || limit == 0) {
      return store.query(query, offset, limit);
    }
    List<EpcisRecord> kept = new ArrayList<>();
    long seen = 0;
    long from = 0;
    while (kept.size() < limit) {
      List<EpcisRecord> chunk = store.query(query, from, SCAN_CHUNK);
      for (EpcisRecord record : chunk) {
        if (sees(scope, record)) {
          if (seen >= offset && kept.size() < limit) {
            kept.add(record);
          }
          seen++;
        }
      }
      if (chunk.size() < SCAN_CHUNK) {
        break;
      }
      from += chunk.size();
    }
    return kept;
  }

  /**
   * Answers a query a page at a time, in the representation the client accepts, with only the
   * events in the caller's scope (named queries too).
   */
  void answerQuery(Context context, EpcisQuery query, String queryName) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    Representation representation = Representation.of(context);
    capture.catchUp();
    Paging paging = Paging.of(context);
    int limit = paging.perPage() + 1;
    if (query.eventCountLimit() > 0) {
      limit = (int) Math.max(0, Math.min(limit, query.eventCountLimit() - paging.offset()));
    }
    List<EpcisRecord> records = query(scope, query, paging.offset(), limit);
    boolean more = records.size() > paging.perPage();
    List<EpcisRecord> page = more ? records.subList(0, paging.perPage()) : records;
    if (more) {
      paging.linkNext(context);
    }
    if (representation == Representation.XML) {
      respondXml(context, page, queryName);
      return;
    }
    respond(context, representation, queryDocument(page, queryName));
  }

  /** An EPCISQueryDocument in JSON-LD holding these events, each with its recordTime. */
  static ObjectNode queryDocument(List<EpcisRecord> page, String queryName) {
    ArrayNode events = Json.array();
    Set<JsonNode> contexts = new LinkedHashSet<>();
    EpcisMapper.context().forEach(contexts::add);
    for (EpcisRecord record : page) {
      events.add(withRecordTime(record));
      if (record.context().isArray()) {
        record.context().forEach(contexts::add);
      } else {
        contexts.add(record.context());
      }
    }
    ObjectNode document = Json.object();
    ArrayNode documentContext = document.putArray("@context");
    contexts.forEach(documentContext::add);
    document.put("type", "EPCISQueryDocument");
    document.put("schemaVersion", "2.0");
    document.put("creationDate", Instant.now().toString());
    document
        .putObject("epcisBody")
        .putObject("queryResults")
        .put("queryName", queryName)
        .putObject("resultsBody")
        .set("eventList", events);
    return document;
  }

  private static ObjectNode withRecordTime(EpcisRecord record) {
    ObjectNode event = record.event().deepCopy();
    event.put("recordTime", record.recordTime().toString());
    return event;
  }

  /**
   * The simple event query the parameters describe; several values of one parameter are separated
   * by {@code |}. A bad value is a QueryParameterException.
   */
  static EpcisQuery query(Function<String, String> parameters) {
    Map<Match, List<String>> matches = new EnumMap<>(Match.class);
    for (Match match : Match.values()) {
      if (match.parameter().isEmpty()) {
        continue;
      }
      String value = parameters.apply(match.parameter());
      if (value != null && !value.isBlank()) {
        matches.put(
            match,
            Arrays.stream(value.split("\\|"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList());
      }
    }
    List<String> types = matches.get(Match.EVENT_TYPE);
    if (types != null) {
      for (String type : types) {
        if (!EVENT_TYPES.contains(type)) {
          throw EpcisProblem.queryParameter("eventType", "unknown event type " + type);
        }
      }
    }
    String orderByText = parameters.apply("orderBy");
    OrderBy orderBy = OrderBy.RECORD_TIME;
    if (orderByText != null) {
      orderBy =
          Arrays.stream(OrderBy.values())
              .filter(order -> order.parameter().equals(orderByText.strip()))
              .findFirst()
              .orElseThrow(
                  () -> EpcisProblem.queryParameter("orderBy", "must be eventTime or recordTime"));
    }
    String direction = parameters.apply("orderDirection");
    boolean ascending = orderByText == null;
    if (direction != null) {
      if (!direction.equals("ASC") && !direction.equals("DESC")) {
        throw EpcisProblem.queryParameter("orderDirection", "must be ASC or DESC");
      }
      ascending = direction.equals("ASC");
    }
    int eventCountLimit = 0;
    String limitText = parameters.apply("eventCountLimit");
    if (limitText != null) {
      if (orderByText == null) {
        throw EpcisProblem.queryParameter("eventCountLimit", "may only be used with orderBy");
      }
      try {
        eventCountLimit = Integer.parseInt(limitText.strip());
      } catch (NumberFormatException e) {
        throw EpcisProblem.queryParameter("eventCountLimit", "must be a positive whole number");
      }
      if (eventCountLimit < 1) {
        throw EpcisProblem.queryParameter("eventCountLimit", "must be a positive whole number");
      }
    }
    return new EpcisQuery(
        matches,
        time(parameters, "GE_eventTime"),
        time(parameters, "LT_eventTime"),
        time(parameters, "GE_recordTime"),
        time(parameters, "LT_recordTime"),
        orderBy,
        ascending,
        eventCountLimit);
  }

  private static Instant time(Function<String, String> parameters, String parameter) {
    String value = parameters.apply(parameter);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw EpcisProblem.queryParameter(parameter, "must be an ISO 8601 time with offset");
    }
  }

  /** The names of every parameter of the simple event query (paging excluded). */
  static Set<String> parameterNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Match match : Match.values()) {
      if (!match.parameter().isEmpty()) {
        names.add(match.parameter());
      }
    }
    names.addAll(
        List.of(
            "GE_eventTime",
            "LT_eventTime",
            "GE_recordTime",
            "LT_recordTime",
            "orderBy",
            "orderDirection",
            "eventCountLimit"));
    return names;
  }

  private static void respondXml(Context context, List<EpcisRecord> records, String queryName) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (EpcisXmlWriter writer =
        EpcisXmlWriter.queryDocument(output, Instant.now().toString(), queryName)) {
      for (EpcisRecord record : records) {
        writer.write(withRecordTime(record), record.context());
      }
    }
    context.header("GS1-EPCIS-Version", "2.0.0");
    context.contentType("application/xml; charset=UTF-8").result(output.toByteArray());
  }

  private static void respondCollection(Context context, List<String> members) {
    respondCollection(context, Representation.of(context), members);
  }

  private static void respondCollection(
      Context context, Representation representation, List<String> members) {
    if (representation == Representation.XML) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      EpcisXmlWriter.collection(output, members);
      context.header("GS1-EPCIS-Version", "2.0.0");
      context.contentType("application/xml; charset=UTF-8").result(output.toByteArray());
      return;
    }
    ArrayNode array = Json.array();
    members.forEach(array::add);
    respond(context, representation, array);
  }

  static void respond(Context context, Representation representation, JsonNode body) {
    context.header("GS1-EPCIS-Version", "2.0.0");
    context.contentType(representation.mediaType()).result(Json.bytes(body));
  }
}
