package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.json.Json;

/**
 * Named queries of the REST binding: {@code POST /epcis/queries} saves a simple event query under a
 * name ({@code {"name": ..., "query": {"EQ_bizStep": ["shipping"], ...}}}), {@code GET
 * /epcis/queries[/{queryName}]} reads them, {@code DELETE /epcis/queries/{queryName}} removes one,
 * and {@code GET /epcis/queries/{queryName}/events} answers it exactly as {@code /epcis/events}
 * would with those parameters (paging, XML included). A query is checked when it is saved, with the
 * same code that reads request parameters, so a saved query always runs. Every route needs an
 * authenticated caller (any role), like the rest of the query interface, and a query's events are
 * those of {@code /epcis/events}: only the caller's scope ({@link QueryEndpoints#answerQuery}).
 *
 * <p>A query belongs to the organisation that saved it: only that organisation (and the platform
 * administrator) lists, reads, runs and deletes it; to anyone else it does not exist (404), since
 * its parameters (an EPC, a business location) may say what an organisation is looking into. Names
 * are unique across the instance, so saving a name another organisation took answers 409.
 */
final class NamedQueryEndpoints {

  private static final Set<String> PARAMETERS = QueryEndpoints.parameterNames();

  private final QueryEndpoints queries;
  private final EpcisStore store;
  private final Authenticator authenticator;
  private final Consumer<String> onDeleted;

  /**
   * @param onDeleted told the name of each deleted query (WebSocket subscribers to it are closed)
   */
  NamedQueryEndpoints(
      QueryEndpoints queries,
      EpcisStore store,
      Authenticator authenticator,
      Consumer<String> onDeleted) {
    this.queries = requireNonNull(queries, "queries is null");
    this.store = requireNonNull(store, "store is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.onDeleted = requireNonNull(onDeleted, "onDeleted is null");
  }

  void create(Context context) {
    Caller caller = authenticator.authenticate(context);
    JsonNode body;
    try {
      body = Json.parse(context.bodyAsBytes());
    } catch (InvalidInputException e) {
      throw EpcisProblem.validation(e.violations());
    }
    List<Violation> violations = new ArrayList<>();
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual() || !NamedQuery.isValidName(name.asText())) {
      violations.add(
          Violation.of(-1, "name", "must be a text of 1 to 200 characters without / ? or #"));
    }
    JsonNode query = body.get("query");
    if (query == null || !query.isObject()) {
      violations.add(Violation.of(-1, "query", "must be an object of query parameters"));
    }
    if (!violations.isEmpty()) {
      throw EpcisProblem.validation(violations);
    }
    ObjectNode parameters = (ObjectNode) query;
    check(parameters);
    NamedQuery named =
        new NamedQuery(name.asText(), caller.organisation(), parameters, Instant.now());
    if (!store.putNamedQuery(named)) {
      throw new EpcisProblem(
          409,
          EpcisProblem.RESOURCE_ALREADY_EXISTS,
          "a query named " + named.name() + " exists already",
          List.of());
    }
    context.header("Location", EpcisRoutes.PREFIX + "/queries/" + encode(named.name()));
    context.status(201);
    QueryEndpoints.respond(context, Representation.JSON, encode(named));
  }

  void list(Context context) {
    Caller caller = authenticator.authenticate(context);
    Paging paging = Paging.of(context);
    List<NamedQuery> found =
        store.namedQueries(
            caller.isPlatform() ? null : caller.organisation(),
            paging.offset(),
            paging.perPage() + 1);
    QueryEndpoints.respond(
        context, Representation.JSON, paging.page(context, found, query -> encode(query)));
  }

  void get(Context context) {
    Caller caller = authenticator.authenticate(context);
    QueryEndpoints.respond(context, Representation.JSON, encode(named(context, caller)));
  }

  void delete(Context context) {
    Caller caller = authenticator.authenticate(context);
    String name = named(context, caller).name();
    if (!store.deleteNamedQuery(name)) {
      throw EpcisProblem.noSuchName(name);
    }
    onDeleted.accept(name);
    context.status(204);
  }

  void events(Context context) {
    Caller caller = authenticator.authenticate(context);
    NamedQuery named = named(context, caller);
    Map<String, String> parameters = flatten(named.parameters());
    queries.answerQuery(context, QueryEndpoints.query(parameters::get), named.name());
  }

  /** The query of that name, when the caller's organisation owns it (or it is the platform). */
  private NamedQuery named(Context context, Caller caller) {
    String name = context.pathParam("queryName");
    return store
        .namedQuery(name)
        .filter(query -> caller.isPlatform() || query.owner().equals(caller.organisation()))
        .orElseThrow(() -> EpcisProblem.noSuchName(name));
  }

  /** Refuses unknown parameters and values the query interface would refuse. */
  private static void check(ObjectNode parameters) {
    for (var entry : parameters.properties()) {
      if (!PARAMETERS.contains(entry.getKey())) {
        throw EpcisProblem.queryParameter(entry.getKey(), "is not a simple event query parameter");
      }
      JsonNode value = entry.getValue();
      boolean valid =
          value.isTextual()
              || value.isNumber()
              || (value.isArray()
                  && !value.isEmpty()
                  && java.util.stream.StreamSupport.stream(value.spliterator(), false)
                      .allMatch(JsonNode::isTextual));
      if (!valid) {
        throw EpcisProblem.queryParameter(
            entry.getKey(), "must be a text, a number or an array of texts");
      }
    }
    Map<String, String> flat = flatten(parameters);
    QueryEndpoints.query(flat::get);
  }

  /** Each parameter's values joined by {@code |}, as they would come in a request's query. */
  static Map<String, String> flatten(ObjectNode parameters) {
    return parameters.properties().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                entry ->
                    entry.getValue().isArray()
                        ? java.util.stream.StreamSupport.stream(
                                entry.getValue().spliterator(), false)
                            .map(JsonNode::asText)
                            .collect(Collectors.joining("|"))
                        : entry.getValue().asText()));
  }

  private static ObjectNode encode(NamedQuery query) {
    ObjectNode body = Json.object();
    body.put("name", query.name());
    body.set("query", query.parameters());
    body.put("createdAt", query.createdAt().toString());
    return body;
  }

  private static String encode(String name) {
    return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
