package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.epcis.QuerySubscription;
import org.oretrace.store.json.Json;

/**
 * WebSocket query subscriptions, as the REST binding describes them: a client opens a WebSocket on
 * {@code GET /epcis/queries/{queryName}/events} with either {@code stream=true} or a schedule
 * ({@code second}, {@code minute}, {@code hour}, {@code dayOfMonth}, {@code month}, {@code
 * dayOfWeek}) in the query string, optionally {@code reportIfEmpty} and {@code initialRecordTime},
 * and receives each delivery as a text message holding an {@code EPCISQueryDocument} (JSON-LD),
 * exactly what a webhook on the same controls would receive ({@link SubscriptionDelivery}).
 *
 * <p>Everything is checked before the handshake answers {@code 101}, so a refusal is an ordinary
 * HTTP problem: 401 without credentials (an {@code Authorization} header or the session cookie),
 * 404 {@code NoSuchNameException} for a query the caller does not own, 400 {@code
 * SubscriptionControlsException} for controls that cannot work. The subscription lives as long as
 * its socket: it is not stored, closing the socket ends it, and deleting the named query closes the
 * socket (status 1000). Messages from the client are ignored. The server pings every 15 s so that a
 * quiet schedule does not let the connection idle out.
 */
final class SubscriptionSockets {

  /** The destination of a WebSocket subscription, which has no URL. */
  static final String DESTINATION = "websocket";

  private static final String SUBSCRIPTION = "oretrace.epcis.subscription";
  private static final Set<String> SCHEDULE =
      Set.of("second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek");

  /** Paging parameters of the same route, meaningless for a subscription and ignored. */
  private static final Set<String> IGNORED = Set.of("perPage", "nextPageToken");

  private static final long PING_SECONDS = 15;

  private final EpcisStore store;
  private final Authenticator authenticator;
  private final SubscriptionDelivery delivery;

  SubscriptionSockets(
      EpcisStore store, Authenticator authenticator, SubscriptionDelivery delivery) {
    this.store = requireNonNull(store, "store is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.delivery = requireNonNull(delivery, "delivery is null");
  }

  /**
   * Before the handshake answers: authenticates, finds the caller's named query and reads the
   * controls, refusing with a problem (and no upgrade) when any of it fails.
   */
  void beforeUpgrade(Context context) {
    Caller caller = authenticator.authenticate(context);
    NamedQuery named =
        SubscriptionEndpoints.ownedQuery(store, context.pathParam("queryName"), caller);
    QuerySubscription subscription =
        SubscriptionEndpoints.subscription(
            controls(context.queryParamMap()), named, caller, DESTINATION);
    context.attribute(SUBSCRIPTION, subscription);
  }

  /** The socket's life: subscribed on connect, unsubscribed on close or error. */
  void configure(WsConfig socket) {
    socket.onConnect(
        context -> {
          QuerySubscription subscription = context.attribute(SUBSCRIPTION);
          context.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
          delivery.opened(subscription, sender(context));
        });
    socket.onClose(context -> unsubscribe(context));
    socket.onError(context -> unsubscribe(context));
  }

  private void unsubscribe(WsContext context) {
    QuerySubscription subscription = context.attribute(SUBSCRIPTION);
    if (subscription != null) {
      delivery.closed(subscription.subscriptionId());
    }
  }

  private static SubscriptionDelivery.SocketSender sender(WsContext context) {
    return new SubscriptionDelivery.SocketSender() {
      @Override
      public boolean send(String text) {
        if (!context.session.isOpen()) {
          return false;
        }
        try {
          context.send(text);
          return true;
        } catch (RuntimeException e) {
          return false;
        }
      }

      @Override
      public void close(String reason) {
        if (context.session.isOpen()) {
          context.closeSession(WsCloseStatus.NORMAL_CLOSURE, reason);
        }
      }
    };
  }

  /**
   * The query string as the body of a webhook subscription ({@code {"stream": true, "schedule":
   * {...}}}), so that both are judged by the same code.
   */
  static ObjectNode controls(Map<String, List<String>> query) {
    ObjectNode body = Json.object();
    ObjectNode schedule = Json.object();
    for (var entry : query.entrySet()) {
      String name = entry.getKey();
      if (IGNORED.contains(name)) {
        continue;
      }
      if (entry.getValue().size() != 1) {
        throw EpcisProblem.subscriptionControls(name, "give it once");
      }
      String value = entry.getValue().getFirst();
      if (SCHEDULE.contains(name)) {
        schedule.put(name, value);
      } else if (name.equals("stream") || name.equals("reportIfEmpty")) {
        if (!value.equals("true") && !value.equals("false")) {
          throw EpcisProblem.subscriptionControls(name, "must be true or false");
        }
        body.put(name, Boolean.parseBoolean(value));
      } else if (name.equals("initialRecordTime")) {
        body.put(name, value);
      } else {
        throw EpcisProblem.subscriptionControls(
            name,
            "is not a subscription control (stream, reportIfEmpty, initialRecordTime, second,"
                + " minute, hour, dayOfMonth, month, dayOfWeek)");
      }
    }
    if (!schedule.isEmpty()) {
      body.set("schedule", schedule);
    }
    return body;
  }
}
