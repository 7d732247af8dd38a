package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import org.oretrace.core.Country;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.RegistryStore.ActorFilter;
import org.oretrace.store.RegistryStore.SiteFilter;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mine sites and actors: upserted in batches by the regulator's administrators, listed and looked
 * up by any authenticated caller (the registry is shared by every organisation). A site looked up
 * by id also says whether its audits' corrective actions are overdue.
 */
final class RegistryEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryEndpoints.class);

  private final RegistryStore registry;
  private final Authenticator authenticator;
  private final OverdueSweep overdue;

  RegistryEndpoints(RegistryStore registry, Authenticator authenticator, OverdueSweep overdue) {
    this.registry = requireNonNull(registry, "registry is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.overdue = requireNonNull(overdue, "overdue is null");
  }

  void putSites(Context context) {
    requireAdministrator(context);
    List<Site> sites = RegistryJson.decodeSites(Responses.parseBody(context.bodyAsBytes()));
    requireSome(sites, "site");
    registry.putSites(sites);
    LOG.info("stored {} sites", sites.size());
    answerStored(context, sites, Site::id);
  }

  void putActors(Context context) {
    requireAdministrator(context);
    List<Actor> actors = RegistryJson.decodeActors(Responses.parseBody(context.bodyAsBytes()));
    requireSome(actors, "actor");
    registry.putActors(actors);
    LOG.info("stored {} actors", actors.size());
    answerStored(context, actors, Actor::id);
  }

  void listSites(Context context) {
    authenticator.authenticate(context);
    SiteFilter filter =
        new SiteFilter(
            QueryParameters.optional(context, "country", Country::new),
            QueryParameters.optional(context, "mineral", Mineral::fromWireName),
            QueryParameters.optional(context, "status", IcglrStatus::fromWireName));
    PageRequest page = QueryParameters.page(context);
    Responses.json(
        context, 200, Responses.page(registry.sites(filter, page), page, RegistryJson::encode));
  }

  void listActors(Context context) {
    authenticator.authenticate(context);
    ActorFilter filter =
        new ActorFilter(
            QueryParameters.optional(context, "country", Country::new),
            QueryParameters.optional(context, "kind", ActorKind::fromWireName));
    PageRequest page = QueryParameters.page(context);
    Responses.json(
        context, 200, Responses.page(registry.actors(filter, page), page, RegistryJson::encode));
  }

  void getSite(Context context) {
    authenticator.authenticate(context);
    String id = context.pathParam("id");
    Site site = registry.site(id).orElseThrow(() -> ApiProblem.notFound("site", id));
    overdue.maybeRun();
    // A site whose audits' corrective actions are past their deadline is flagged (docs/audits.md).
    ObjectNode body = RegistryJson.encode(site);
    int overdueActions = overdue.overdueActions(id);
    body.put("correctiveActionsOverdue", overdueActions);
    body.put("flagged", overdueActions > 0);
    Responses.json(context, 200, body);
  }

  void getActor(Context context) {
    authenticator.authenticate(context);
    String id = context.pathParam("id");
    Actor actor = registry.actor(id).orElseThrow(() -> ApiProblem.notFound("actor", id));
    Responses.json(context, 200, RegistryJson.encode(actor));
  }

  private void requireAdministrator(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.WRITE_REGISTRY);
  }

  private static void requireSome(List<?> values, String what) {
    if (values.isEmpty()) {
      throw InvalidInputException.of("", "the array holds no " + what);
    }
  }

  private static <T> void answerStored(Context context, List<T> values, Function<T, String> id) {
    ObjectNode answer = Json.object();
    ArrayNode ids = answer.putArray("ids");
    values.forEach(value -> ids.add(id.apply(value)));
    answer.put("count", values.size());
    Responses.json(context, 200, answer);
  }
}
