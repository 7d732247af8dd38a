package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.oretrace.core.InvalidInputException;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.epcis.QuerySubscription;
import org.oretrace.store.json.Json;

/**
 * Query subscriptions of the REST binding, on named queries: {@code POST
 * /epcis/queries/{queryName}/subscriptions} with {@code {"dest": "https://...", "signatureToken":
 * "...", "stream": true}} or {@code {"dest": ..., "schedule": {"minute": "5"}, "reportIfEmpty":
 * true}}; {@code GET} lists a query's subscriptions, {@code GET} and {@code DELETE} on {@code
 * .../subscriptions/{subscriptionID}} read and end one. Delivery is {@link SubscriptionDelivery}'s.
 * Only the named query's owner (and the platform) may subscribe to it or see its subscriptions;
 * what is delivered is what the subscriber may see. The signature token is never answered back.
 */
final class SubscriptionEndpoints {

  private static final Set<String> FIELDS =
      Set.of("dest", "signatureToken", "stream", "schedule", "reportIfEmpty", "initialRecordTime");

  private final EpcisStore store;
  private final Authenticator authenticator;

  SubscriptionEndpoints(EpcisStore store, Authenticator authenticator) {
    this.store = requireNonNull(store, "store is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
  }

  void create(Context context) {
    Caller caller = authenticator.authenticate(context);
    NamedQuery named = named(context, caller);
    JsonNode body;
    try {
      body = Json.parse(context.bodyAsBytes());
    } catch (InvalidInputException e) {
      throw EpcisProblem.validation(e.violations());
    }
    if (!body.isObject()) {
      throw EpcisProblem.subscriptionControls("", "the body must be a JSON object");
    }
    for (var entry : body.properties()) {
      if (!FIELDS.contains(entry.getKey())) {
        throw EpcisProblem.subscriptionControls(entry.getKey(), "is not a subscription field");
      }
    }
    String destination = destination(body.get("dest"));
    JsonNode token = body.get("signatureToken");
    if (token != null && (!token.isTextual() || token.asText().isEmpty())) {
      throw EpcisProblem.subscriptionControls("signatureToken", "must be a non-empty text");
    }
    boolean stream = bool(body, "stream");
    JsonNode schedule = body.get("schedule");
    if (stream == (schedule != null)) {
      throw EpcisProblem.subscriptionControls(
          stream ? "schedule" : "stream",
          "set either \"stream\": true or a \"schedule\", not both and not neither");
    }
    if (schedule != null) {
      QuerySchedule.parse(schedule);
    }
    Instant now = Instant.now();
    Instant initial = initialRecordTime(body.get("initialRecordTime"), now);
    QuerySubscription subscription =
        new QuerySubscription(
            UUID.randomUUID().toString(),
            named.name(),
            destination,
            token == null ? null : token.asText(),
            stream,
            schedule == null ? null : (ObjectNode) schedule,
            bool(body, "reportIfEmpty"),
            caller.organisation(),
            caller.role().wireName(),
            now,
            initial,
            null);
    store.putSubscription(subscription);
    context.header("Location", location(subscription));
    context.status(201);
    QueryEndpoints.respond(context, Representation.JSON, encode(subscription));
  }

  void list(Context context) {
    NamedQuery named = named(context, authenticator.authenticate(context));
    Paging paging = Paging.of(context);
    List<QuerySubscription> found =
        store.subscriptions(named.name(), paging.offset(), paging.perPage() + 1);
    QueryEndpoints.respond(
        context, Representation.JSON, paging.page(context, found, SubscriptionEndpoints::encode));
  }

  void get(Context context) {
    Caller caller = authenticator.authenticate(context);
    QueryEndpoints.respond(context, Representation.JSON, encode(subscription(context, caller)));
  }

  void delete(Context context) {
    Caller caller = authenticator.authenticate(context);
    store.deleteSubscription(subscription(context, caller).subscriptionId());
    context.status(204);
  }

  /**
   * The named query, when the caller's organisation owns it or the caller is the platform, as
   * {@link NamedQueryEndpoints} decides: to others it does not exist, nor do its subscriptions.
   */
  private NamedQuery named(Context context, Caller caller) {
    String name = context.pathParam("queryName");
    return store
        .namedQuery(name)
        .filter(query -> caller.isPlatform() || query.owner().equals(caller.organisation()))
        .orElseThrow(() -> EpcisProblem.noSuchName(name));
  }

  private QuerySubscription subscription(Context context, Caller caller) {
    NamedQuery named = named(context, caller);
    String id = context.pathParam("subscriptionID");
    return store
        .subscription(id)
        .filter(found -> found.queryName().equals(named.name()))
        .orElseThrow(() -> EpcisProblem.noSuchResource("subscription " + id));
  }

  private static String destination(JsonNode dest) {
    if (dest == null || !dest.isTextual()) {
      throw EpcisProblem.subscriptionControls("dest", "the webhook URL is missing");
    }
    try {
      URI uri = new URI(dest.asText());
      String scheme = uri.getScheme();
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        throw EpcisProblem.subscriptionControls("dest", "must be an absolute http or https URL");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw EpcisProblem.subscriptionControls("dest", "is not a URL: " + e.getMessage());
    }
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw EpcisProblem.subscriptionControls(field, "must be true or false");
    }
    return value.asBoolean();
  }

  private static Instant initialRecordTime(JsonNode value, Instant now) {
    if (value == null) {
      return now;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw EpcisProblem.subscriptionControls(
          "initialRecordTime", "must be a date-time such as 2025-03-01T00:00:00Z");
    }
  }

  private static String location(QuerySubscription subscription) {
    return EpcisRoutes.PREFIX
        + "/queries/"
        + java.net.URLEncoder.encode(
                subscription.queryName(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20")
        + "/subscriptions/"
        + subscription.subscriptionId();
  }

  static ObjectNode encode(QuerySubscription subscription) {
    ObjectNode body = Json.object();
    body.put("subscriptionID", subscription.subscriptionId());
    body.put("dest", subscription.destination());
    body.put("createdAt", subscription.createdAt().toString());
    if (subscription.lastNotifiedAt() != null) {
      body.put("lastNotifiedAt", subscription.lastNotifiedAt().toString());
    }
    body.put("minRecordTime", subscription.minRecordTime().toString());
    if (subscription.stream()) {
      body.put("stream", true);
    } else {
      body.set("schedule", subscription.schedule());
      body.put("reportIfEmpty", subscription.reportIfEmpty());
    }
    return body;
  }
}
