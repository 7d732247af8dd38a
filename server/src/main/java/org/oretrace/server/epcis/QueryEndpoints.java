package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
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
import org.oretrace.store.json.Json;

/**
 * The EPCIS query interface (REST binding): {@code GET /epcis/events} with the simple event query's
 * parameters (values of one parameter separated by {@code |}), the event, event type, EPC and
 * business step resources. Answers are EPCISQueryDocuments in JSON-LD, each event with its
 * recordTime; the {@code @context} is the union of the contexts the events were captured with.
 * Native custody events are projected first ({@link EpcisCapture#catchUp()}), so they are found
 * like captured ones. XML answers are not offered yet (406). Answers hold only the events in the
 * caller's {@link Scope}: those mapped to custody events it may see (events with no custody meaning
 * only for the platform administrator).
 */
final class QueryEndpoints {

  static final List<String> EVENT_TYPES =
      List.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");

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
    answerQuery(context, query(context));
  }

  void eventsOfType(Context context) {
    String type = context.pathParam("eventType");
    if (!EVENT_TYPES.contains(type)) {
      throw EpcisProblem.noSuchResource("event type " + type);
    }
    answerQuery(context, query(context).and(Match.EVENT_TYPE, List.of(type)));
  }

  void eventsOfEpc(Context context) {
    answerQuery(
        context, query(context).and(Match.ANY_IDENTIFIER, List.of(context.pathParam("epc"))));
  }

  void eventsOfBizStep(Context context) {
    answerQuery(context, query(context).and(Match.BIZ_STEP, List.of(context.pathParam("bizStep"))));
  }

  void event(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    requireJsonLd(context);
    capture.catchUp();
    String eventId = context.pathParam("eventID");
    EpcisRecord record =
        store
            .event(eventId)
            .filter(found -> sees(scope, found))
            .orElseThrow(() -> EpcisProblem.noSuchResource("event " + eventId));
    ObjectNode event = withRecordTime(record);
    ObjectNode body = Json.object();
    body.set("@context", record.context());
    body.setAll(event);
    respond(context, body);
  }

  void eventTypes(Context context) {
    requireJsonLd(context);
    ArrayNode types = Json.array();
    EVENT_TYPES.forEach(types::add);
    respond(context, types);
  }

  void bizSteps(Context context) {
    authenticator.authenticate(context);
    requireJsonLd(context);
    capture.catchUp();
    ArrayNode steps = Json.array();
    store.bizSteps().forEach(steps::add);
    respond(context, steps);
  }

  private static boolean sees(Scope scope, EpcisRecord record) {
    return scope.everything()
        || (!record.custodyEventIds().isEmpty()
            && record.custodyEventIds().stream().allMatch(scope::seesEvent));
  }

  /** The query's answer within the scope: filtered in chunks for callers who see only part. */
  private List<EpcisRecord> query(Scope scope, EpcisQuery query, long offset, int limit) {
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

  private void answerQuery(Context context, EpcisQuery query) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    requireJsonLd(context);
    capture.catchUp();
    Paging paging = Paging.of(context);
    int limit = paging.perPage() + 1;
    if (query.eventCountLimit() > 0) {
      limit = (int) Math.max(0, Math.min(limit, query.eventCountLimit() - paging.offset()));
    }
    List<EpcisRecord> records = query(scope, query, paging.offset(), limit);
    boolean more = records.size() > paging.perPage();
    List<EpcisRecord> page = more ? records.subList(0, paging.perPage()) : records;
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
        .put("queryName", "SimpleEventQuery")
        .putObject("resultsBody")
        .set("eventList", events);
    if (more) {
      paging.linkNext(context);
    }
    respond(context, document);
  }

  private static ObjectNode withRecordTime(EpcisRecord record) {
    ObjectNode event = record.event().deepCopy();
    event.put("recordTime", record.recordTime().toString());
    return event;
  }

  private static EpcisQuery query(Context context) {
    Map<Match, List<String>> matches = new EnumMap<>(Match.class);
    for (Match match : Match.values()) {
      if (match.parameter().isEmpty()) {
        continue;
      }
      String value = context.queryParam(match.parameter());
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
    String orderByText = context.queryParam("orderBy");
    OrderBy orderBy = OrderBy.RECORD_TIME;
    if (orderByText != null) {
      orderBy =
          Arrays.stream(OrderBy.values())
              .filter(order -> order.parameter().equals(orderByText.strip()))
              .findFirst()
              .orElseThrow(
                  () -> EpcisProblem.queryParameter("orderBy", "must be eventTime or recordTime"));
    }
    String direction = context.queryParam("orderDirection");
    boolean ascending = orderByText == null;
    if (direction != null) {
      if (!direction.equals("ASC") && !direction.equals("DESC")) {
        throw EpcisProblem.queryParameter("orderDirection", "must be ASC or DESC");
      }
      ascending = direction.equals("ASC");
    }
    int eventCountLimit = 0;
    String limitText = context.queryParam("eventCountLimit");
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
        time(context, "GE_eventTime"),
        time(context, "LT_eventTime"),
        time(context, "GE_recordTime"),
        time(context, "LT_recordTime"),
        orderBy,
        ascending,
        eventCountLimit);
  }

  private static Instant time(Context context, String parameter) {
    String value = context.queryParam(parameter);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw EpcisProblem.queryParameter(parameter, "must be an ISO 8601 time with offset");
    }
  }

  /** JSON-LD is the only representation offered so far; an Accept that excludes it gets 406. */
  private static void requireJsonLd(Context context) {
    String accept = context.header("Accept");
    if (accept == null
        || accept.isBlank()
        || accept.contains("json")
        || accept.contains("*/*")
        || accept.contains("application/*")) {
      return;
    }
    throw new EpcisProblem(
        406,
        EpcisProblem.NOT_ACCEPTABLE,
        "answers are application/ld+json or application/json; XML is not offered yet",
        List.of());
  }

  private static void respond(Context context, JsonNode body) {
    String accept = context.header("Accept");
    String type =
        accept != null && accept.contains("application/ld+json")
            ? "application/ld+json"
            : "application/json";
    context.header("GS1-EPCIS-Version", "2.0.0");
    context.contentType(type).result(Json.bytes(body));
  }
}
