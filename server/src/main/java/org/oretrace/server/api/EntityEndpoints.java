package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.entities.EntityGraph;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.registry.WireNames;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.json.EntityJson;
import org.oretrace.store.json.EntityJson.Owner;
import org.oretrace.store.json.Json;

/**
 * An actor's owners and directors (read by the agencies, replaced by the regulator's
 * administrators, every change kept in the entity history and screened at once), the other
 * relations (payments, family and associate links: created and ended one by one under the same
 * rules), and an actor's network: the entity graph around it with the reason for every edge and the
 * shortest paths to listed entries and armed-group sites.
 */
final class EntityEndpoints {

  static final int MAX_DEPTH = 4;

  private final Store store;
  private final Authenticator authenticator;
  private final Clock clock;

  EntityEndpoints(Store store, Authenticator authenticator) {
    this.store = requireNonNull(store, "store is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.clock = Clock.systemUTC();
  }

  void getOwners(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.READ_ENTITIES);
    String actorId = requireActor(context);
    Responses.json(context, 200, owners(actorId));
  }

  void putOwners(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.WRITE_REGISTRY);
    String actorId = requireActor(context);
    List<Owner> owners =
        EntityJson.decodeOwners(Responses.parseBody(context.bodyAsBytes()), actorId);
    long before = store.alerts().count();
    store
        .entities()
        .replaceOwners(
            actorId,
            owners.stream().map(Owner::party).toList(),
            owners.stream().map(Owner::relation).toList(),
            "api:" + caller.organisation(),
            clock.instant());
    ObjectNode answer = owners(actorId);
    answer.put("alertsRaised", store.alerts().count() - before);
    Responses.json(context, 200, answer);
  }

  void network(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.READ_ENTITIES);
    String actorId = requireActor(context);
    long depth = QueryParameters.wholeNumber(context, "depth", 2);
    if (depth < 1 || depth > MAX_DEPTH) {
      throw ApiProblem.badParameter("depth", "must be 1 to " + MAX_DEPTH + ", got " + depth);
    }
    EntityGraph.Network network = store.screening().network(actorId, (int) depth);
    Responses.json(context, 200, encode(network));
  }

  void listRelations(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.READ_ENTITIES);
    String id = QueryParameters.text(context, "party");
    if (id == null) {
      throw ApiProblem.badParameter("party", "is required: an actor or party id");
    }
    if (store.registry().actor(id).isEmpty() && store.entities().party(id).isEmpty()) {
      throw ApiProblem.notFound("actor or party", id);
    }
    ObjectNode answer = Json.object();
    answer.put("party", id);
    ArrayNode array = answer.putArray("relations");
    store.entities().relationsOf(id).forEach(relation -> array.add(relation(relation)));
    Responses.json(context, 200, answer);
  }

  void createRelation(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.WRITE_REGISTRY);
    EntityJson.NewRelation created =
        EntityJson.decodeNewRelation(Responses.parseBody(context.bodyAsBytes()));
    long before = store.alerts().count();
    try {
      store
          .entities()
          .addRelation(
              created.parties(),
              created.relation(),
              "api:" + caller.organisation(),
              clock.instant());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("", e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiProblem(
          ProblemType.RELATION_CONFLICT,
          e.getMessage(),
          List.of(Violation.of(-1, "relation", e.getMessage())));
    }
    ObjectNode answer = relation(created.relation());
    answer.put("alertsRaised", store.alerts().count() - before);
    context.header("Location", "/api/v1/relations?party=" + created.relation().partyId());
    Responses.json(context, 201, answer);
  }

  void endRelation(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.WRITE_REGISTRY);
    String id = context.pathParam("id");
    LocalDate until = EntityJson.decodeUntil(Responses.parseBody(context.bodyAsBytes()));
    long before = store.alerts().count();
    Relation ended;
    try {
      ended =
          store
              .entities()
              .endRelation(id, until, "api:" + caller.organisation(), clock.instant())
              .orElseThrow(() -> ApiProblem.notFound("relation", id));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("until", e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiProblem(
          ProblemType.RELATION_CONFLICT,
          e.getMessage(),
          List.of(Violation.of(-1, "until", e.getMessage())));
    }
    ObjectNode answer = relation(ended);
    answer.put("alertsRaised", store.alerts().count() - before);
    Responses.json(context, 200, answer);
  }

  /** A relation's wire form with its id and the number of changes its history holds. */
  private ObjectNode relation(Relation relation) {
    ObjectNode node = Json.object();
    node.put("id", relation.id());
    node.setAll(EntityJson.encode(relation));
    String historySubject = relation.kind().ownsOrDirects() ? relation.subjectId() : relation.id();
    node.put("changes", store.entities().history(historySubject).size());
    return node;
  }

  private String requireActor(Context context) {
    String id = context.pathParam("id");
    RegistryStore registry = store.registry();
    return registry.actor(id).orElseThrow(() -> ApiProblem.notFound("actor", id)).id();
  }

  private ObjectNode owners(String actorId) {
    ObjectNode answer = Json.object();
    answer.put("actorId", actorId);
    ArrayNode array = answer.putArray("owners");
    for (Relation relation : store.entities().owners(actorId)) {
      Party party = store.entities().party(relation.partyId()).orElseThrow();
      array.add(EntityJson.encode(new Owner(relation, party)));
    }
    answer.put("changes", store.entities().history(actorId).size());
    return answer;
  }

  static ObjectNode encode(EntityGraph.Network network) {
    ObjectNode answer = Json.object();
    answer.put("centre", network.centre());
    answer.put("depth", network.depth());
    encodeNodes(answer.putArray("nodes"), network.nodes());
    ArrayNode edges = answer.putArray("edges");
    network.edges().forEach(edge -> edges.add(encode(edge)));
    ArrayNode paths = answer.putArray("paths");
    for (EntityGraph.Path path : network.paths()) {
      ObjectNode each = paths.addObject();
      each.put("target", path.target());
      each.put("hops", path.hops());
      ArrayNode ids = each.putArray("nodes");
      path.nodeIds().forEach(ids::add);
      ArrayNode pathEdges = each.putArray("edges");
      path.edges().forEach(edge -> pathEdges.add(encode(edge)));
      each.put("evidence", path.evidence());
    }
    encodeNodes(answer.putArray("pathNodes"), network.beyond());
    return answer;
  }

  private static void encodeNodes(ArrayNode array, List<EntityGraph.Node> nodes) {
    for (EntityGraph.Node node : nodes) {
      ObjectNode each = array.addObject();
      each.put("id", node.id());
      each.put("kind", WireNames.of(node.kind()));
      each.put("reference", node.reference());
      each.put("label", node.label());
    }
  }

  private static ObjectNode encode(EntityGraph.Edge edge) {
    ObjectNode each = Json.object();
    each.put("from", edge.from());
    each.put("to", edge.to());
    each.put("kind", WireNames.of(edge.kind()));
    each.put("why", edge.why());
    ObjectNode figures = each.putObject("figures");
    for (Map.Entry<String, BigDecimal> figure : edge.figures().entrySet()) {
      figures.put(figure.getKey(), figure.getValue());
    }
    return each;
  }
}
