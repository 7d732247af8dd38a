package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * what is delivered is what the subscriber may see. The signature token is never answered back. A
 * destination that resolves to a loopback, link-local, private or multicast address is refused
 * unless the operator allowed it ({@link WebhookDestinations}), and so is one whose host does not
 * resolve, even a host the operator allowed by name. A webhook whose latest delivery failed shows
 * {@code lastFailure} (when, and why) until a delivery is accepted.
 */
final class SubscriptionEndpoints {

  /**
   * How many subscriptions of one query are looked at, at most, to list the WebSockets after them.
   */
  private static final int MOST_LISTED = 10_000;

  private static final Set<String> FIELDS =
      Set.of("dest", "signatureToken", "stream", "schedule", "reportIfEmpty", "initialRecordTime");

  private final EpcisStore store;
  private final Authenticator authenticator;
  private final WebhookDestinations destinations;
  private final SubscriptionDelivery delivery;

  /**
   * @param delivery holds the WebSocket subscriptions, listed after the stored (webhook) ones
   */
  SubscriptionEndpoints(
      EpcisStore store,
      Authenticator authenticator,
      WebhookDestinations destinations,
      SubscriptionDelivery delivery) {
    this.store = requireNonNull(store, "store is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.destinations = requireNonNull(destinations, "destinations is null");
    this.delivery = requireNonNull(delivery, "delivery is null");
  }

  void create(Context context) {
    Caller caller = authenticator.authenticate(context);
    NamedQuery named = ownedQuery(store, context.pathParam("queryName"), caller);
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
    List<InetAddress> addresses;
    try {
      addresses = destinations.check(URI.create(destination));
    } catch (WebhookDestinations.Refused refused) {
      throw EpcisProblem.subscriptionControls("dest", refused.getMessage());
    }
    if (addresses.isEmpty()) {
      // Only a name the operator allowed comes back without addresses: it does not resolve. Such a
      // subscription could deliver nothing, and a typo would fail silently until someone looked.
      throw EpcisProblem.subscriptionControls(
          "dest",
          URI.create(destination).getHost()
              + " does not resolve; subscribe once the receiver's name is in the DNS");
    }
    QuerySubscription subscription = subscription(body, named, caller, destination);
    store.putSubscription(subscription);
    context.header("Location", location(subscription));
    context.status(201);
    QueryEndpoints.respond(context, Representation.JSON, encode(subscription));
  }

  /**
   * The subscription that controls ({@code stream}, {@code schedule}, {@code reportIfEmpty}, {@code
   * initialRecordTime}, {@code signatureToken}) describe, for this caller on this query, delivered
   * to {@code destination}; a control that cannot work is a SubscriptionControlsException.
   */
  static QuerySubscription subscription(
      JsonNode body, NamedQuery named, Caller caller, String destination) {
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
    return new QuerySubscription(
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
  }

  void list(Context context) {
    NamedQuery named =
        ownedQuery(store, context.pathParam("queryName"), authenticator.authenticate(context));
    Paging paging = Paging.of(context);
    int wanted = paging.perPage() + 1;
    List<QuerySubscription> found =
        new ArrayList<>(store.subscriptions(named.name(), paging.offset(), wanted));
    if (found.size() < wanted) {
      // The open WebSockets follow the stored subscriptions.
      long stored =
          found.isEmpty()
              ? store.subscriptions(named.name(), 0, MOST_LISTED).size()
              : paging.offset() + found.size();
      List<QuerySubscription> open = delivery.openSubscriptions(named.name());
      for (long index = Math.max(0, paging.offset() - stored);
          index < open.size() && found.size() < wanted;
          index++) {
        found.add(open.get((int) index));
      }
    }
    QueryEndpoints.respond(context, Representation.JSON, paging.page(context, found, this::encode));
  }

  void get(Context context) {
    Caller caller = authenticator.authenticate(context);
    QueryEndpoints.respond(context, Representation.JSON, encode(subscription(context, caller)));
  }

  void delete(Context context) {
    Caller caller = authenticator.authenticate(context);
    String id = subscription(context, caller).subscriptionId();
    if (delivery.openSubscription(id).isPresent()) {
      delivery.unsubscribe(id, "unsubscribed");
    } else {
      store.deleteSubscription(id);
      delivery.deleted(id);
    }
    context.status(204);
  }

  /**
   * The named query, when the caller's organisation owns it or the caller is the platform, as
   * {@link NamedQueryEndpoints} decides: to others it does not exist, nor do its subscriptions.
   */
  static NamedQuery ownedQuery(EpcisStore store, String name, Caller caller) {
    return store
        .namedQuery(name)
        .filter(query -> caller.isPlatform() || query.owner().equals(caller.organisation()))
        .orElseThrow(() -> EpcisProblem.noSuchName(name));
  }

  private QuerySubscription subscription(Context context, Caller caller) {
    NamedQuery named = ownedQuery(store, context.pathParam("queryName"), caller);
    String id = context.pathParam("subscriptionID");
    return store
        .subscription(id)
        .or(() -> delivery.openSubscription(id))
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

  /** The subscription as answered, with why its latest delivery failed, if it did. */
  private ObjectNode encode(QuerySubscription subscription) {
    ObjectNode body = describe(subscription);
    delivery
        .lastFailure(subscription.subscriptionId())
        .ifPresent(
            failure -> {
              ObjectNode shown = body.putObject("lastFailure");
              shown.put("at", failure.at().toString());
              shown.put("reason", failure.reason());
            });
    return body;
  }

  private static ObjectNode describe(QuerySubscription subscription) {
    ObjectNode body = Json.object();
    body.put("subscriptionID", subscription.subscriptionId());
    if (subscription.destination().equals(SubscriptionSockets.DESTINATION)) {
      body.put("websocket", true);
    } else {
      body.put("dest", subscription.destination());
    }
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
