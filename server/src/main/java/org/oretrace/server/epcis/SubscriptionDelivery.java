package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLHandshakeException;
import org.oretrace.core.access.Role;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.AccountStore;
import org.oretrace.store.epcis.EpcisCapture;
import org.oretrace.store.epcis.EpcisQuery;
import org.oretrace.store.epcis.EpcisQuery.Match;
import org.oretrace.store.epcis.EpcisRecord;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.epcis.QuerySubscription;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers query subscriptions: by webhook, an HTTP POST of an {@code EPCISQueryDocument} (JSON-LD,
 * at most 1,000 events a request) to the subscription's destination, signed when the subscriber
 * gave a {@code signatureToken}: header {@code GS1-Signature: sha256=HEX}, the HMAC-SHA256 of the
 * exact body under that token; or by WebSocket, the same documents as text messages on the socket
 * the subscriber opened ({@link SubscriptionSockets}). Webhook destinations are checked by {@link
 * WebhookDestinations} before each delivery, as they were when the subscription was made, since a
 * name may resolve elsewhere by then; a refused destination is logged and not retried. A delivery
 * connects to the addresses that check approved ({@link PinnedWebhookPost}), never to a second
 * lookup of the name, so a rebinding DNS cannot send it elsewhere; an https receiver's certificate
 * is checked against the {@link WebhookTrust}. Every failed webhook delivery (refused destination,
 * unreachable receiver, failed TLS handshake, an answer other than 2xx) is logged and kept, with
 * its reason, as the subscription's {@link #lastFailure} until a delivery is accepted, so that its
 * owner sees why nothing arrives ({@code GET} on the subscription).
 *
 * <p>WebSocket subscriptions live only as long as their socket: they are held here, never stored,
 * and their {@code minRecordTime} moves on in memory. A socket is sent one attempt (a socket that
 * cannot take a message is closing) and is closed when its named query is deleted.
 *
 * <p>Two triggers, on one thread so that a subscriber gets its documents in order:
 *
 * <ul>
 *   <li><b>stream</b>: after each successful capture, the captured eventIDs are matched against
 *       every stream subscription's named query (the query with {@code EQ_eventID} restricted to
 *       them), so exactly the new matching events are sent, once. A refused delivery is retried
 *       three times (after 0.5, 1 and 2 s), then given up (logged); the events stay queryable.
 *   <li><b>schedule</b>: a clock ticks every second; a subscription whose {@link QuerySchedule}
 *       matches the second gets the events recorded since its last accepted delivery ({@code
 *       minRecordTime}) up to {@link #SCHEDULE_LAG} before the run, so that a capture still
 *       committing is not skipped. The window moves on only when every request was accepted (2xx);
 *       otherwise the next run sends it again. {@code reportIfEmpty} sends an empty document.
 * </ul>
 *
 * Results are those the subscriber may see: its need-to-know scope at delivery time, looked up from
 * the organisation and role stored with the subscription, as {@code /epcis/events} would answer it.
 */
final class SubscriptionDelivery implements AutoCloseable {

  /** How far behind the run a scheduled window ends. */
  static final Duration SCHEDULE_LAG = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionDelivery.class);
  private static final int BATCH = 1000;
  private static final int MOST_SUBSCRIPTIONS = 10_000;
  private static final int ATTEMPTS = 4;
  private static final int MOST_SECONDS_CAUGHT_UP = 60;

  private final EpcisCapture capture;
  private final QueryEndpoints queries;
  private final NeedToKnow needToKnow;
  private final AccountStore accounts;
  private final WebhookDestinations destinations;
  private final PinnedWebhookPost http;
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final Map<String, Long> lastRunSecond = new ConcurrentHashMap<>();
  private ScheduledExecutorService executor;
  private ScheduledFuture<?> clock;
  private long lastTickSecond;

  /**
   * Why the latest delivery to a webhook was not accepted (refused destination, unreachable, a TLS
   * handshake that failed, a status other than 2xx), and when; held in memory until a delivery is
   * accepted.
   */
  record Failure(Instant at, String reason) {

    Failure {
      requireNonNull(at, "at is null");
      requireNonNull(reason, "reason is null");
    }
  }

  /** A subscriber's open WebSocket: how to send it a text (false once it is gone) and close it. */
  interface SocketSender {

    boolean send(String text);

    void close(String reason);
  }

  /** A WebSocket subscription: the subscription, replaced as its window moves, and its socket. */
  private static final class Socket {

    private volatile QuerySubscription subscription;
    private final SocketSender sender;

    Socket(QuerySubscription subscription, SocketSender sender) {
      this.subscription = subscription;
      this.sender = sender;
    }
  }

  SubscriptionDelivery(
      EpcisCapture capture,
      QueryEndpoints queries,
      NeedToKnow needToKnow,
      AccountStore accounts,
      WebhookDestinations destinations,
      WebhookTrust trust) {
    this.capture = requireNonNull(capture, "capture is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.accounts = requireNonNull(accounts, "accounts is null");
    this.destinations = requireNonNull(destinations, "destinations is null");
    this.http = new PinnedWebhookPost(Duration.ofSeconds(5), Duration.ofSeconds(10), trust);
  }

  /** Why the latest delivery to this webhook subscription failed, unless one was accepted since. */
  Optional<Failure> lastFailure(String subscriptionId) {
    return Optional.ofNullable(failures.get(subscriptionId));
  }

  /** A webhook subscription was deleted: its failure is forgotten. */
  void deleted(String subscriptionId) {
    failures.remove(subscriptionId);
  }

  private void failed(QuerySubscription subscription, String reason) {
    failures.put(subscription.subscriptionId(), new Failure(Instant.now(), reason));
  }

  /** A WebSocket subscriber connected: it gets deliveries until {@link #closed}. */
  void opened(QuerySubscription subscription, SocketSender sender) {
    sockets.put(subscription.subscriptionId(), new Socket(subscription, sender));
  }

  /** A WebSocket subscriber's socket closed: its subscription is gone. */
  void closed(String subscriptionId) {
    sockets.remove(subscriptionId);
    lastRunSecond.remove(subscriptionId);
  }

  /**
   * A named query was deleted: its WebSocket subscribers are unsubscribed and their sockets closed.
   */
  void queryDeleted(String queryName) {
    for (QuerySubscription subscription : openSubscriptions(queryName)) {
      unsubscribe(subscription.subscriptionId(), "the named query was deleted");
    }
  }

  /** The WebSocket subscriptions open now on a named query, oldest first. */
  List<QuerySubscription> openSubscriptions(String queryName) {
    return sockets.values().stream()
        .map(socket -> socket.subscription)
        .filter(subscription -> subscription.queryName().equals(queryName))
        .sorted(
            Comparator.comparing(QuerySubscription::createdAt)
                .thenComparing(QuerySubscription::subscriptionId))
        .toList();
  }

  /** The open WebSocket subscription of that id, if any. */
  Optional<QuerySubscription> openSubscription(String subscriptionId) {
    Socket socket = sockets.get(subscriptionId);
    return socket == null ? Optional.empty() : Optional.of(socket.subscription);
  }

  /** Whether it is a WebSocket subscription (open, or closed while a delivery was under way). */
  private static boolean isSocket(QuerySubscription subscription) {
    return subscription.destination().equals(SubscriptionSockets.DESTINATION);
  }

  /** Ends a WebSocket subscription: forgets it and closes its socket. */
  void unsubscribe(String subscriptionId, String reason) {
    Socket socket = sockets.remove(subscriptionId);
    lastRunSecond.remove(subscriptionId);
    if (socket != null) {
      socket.sender.close(reason);
    }
  }

  /** Starts the clock of scheduled subscriptions and accepts stream deliveries. */
  synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "epcis-subscriptions");
              thread.setDaemon(true);
              return thread;
            });
    lastTickSecond = Instant.now().getEpochSecond();
    long toNextSecond = 1000 - System.currentTimeMillis() % 1000;
    clock = executor.scheduleAtFixedRate(this::tick, toNextSecond, 1000, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      clock.cancel(false);
      executor.shutdownNow();
      executor = null;
      clock = null;
    }
  }

  /** Called after a capture stored these events: streams them to matching subscriptions. */
  synchronized void captured(List<String> eventIds) {
    if (executor == null || eventIds.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(eventIds);
    executor.execute(() -> stream(ids));
  }

  private void stream(List<String> eventIds) {
    try {
      for (QuerySubscription subscription : subscriptions()) {
        if (!subscription.stream()) {
          continue;
        }
        NamedQuery named = namedQuery(subscription);
        if (named == null) {
          continue;
        }
        EpcisQuery query = onlyThese(query(named), eventIds);
        if (query == null) {
          continue;
        }
        List<EpcisRecord> found = queries.query(scope(subscription), query, 0, eventIds.size());
        if (!found.isEmpty()) {
          Instant now = Instant.now();
          if (sendWithRetries(subscription, found)) {
            delivered(subscription, now, now);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("EPCIS stream delivery failed", e);
    }
  }

  /** The stored (webhook) subscriptions, then those of the open WebSockets. */
  private List<QuerySubscription> subscriptions() {
    List<QuerySubscription> all =
        new ArrayList<>(capture.store().subscriptions(null, 0, MOST_SUBSCRIPTIONS));
    for (Socket socket : sockets.values()) {
      all.add(socket.subscription);
    }
    return all;
  }

  /** The subscription's named query; null when it is gone (then a socket on it is closed). */
  private NamedQuery namedQuery(QuerySubscription subscription) {
    NamedQuery named = capture.store().namedQuery(subscription.queryName()).orElse(null);
    if (named == null && isSocket(subscription)) {
      queryDeleted(subscription.queryName());
    }
    return named;
  }

  /** Records an accepted delivery: in the store for a webhook, in memory for a socket. */
  private void delivered(QuerySubscription subscription, Instant nextRecordTime, Instant at) {
    if (isSocket(subscription)) {
      Socket socket = sockets.get(subscription.subscriptionId());
      if (socket != null) {
        socket.subscription = socket.subscription.delivered(nextRecordTime, at);
      }
    } else {
      capture.store().subscriptionDelivered(subscription.subscriptionId(), nextRecordTime, at);
      failures.remove(subscription.subscriptionId());
    }
  }

  private void tick() {
    try {
      long now = Instant.now().getEpochSecond();
      long from = Math.max(lastTickSecond + 1, now - MOST_SECONDS_CAUGHT_UP);
      lastTickSecond = now;
      if (from > now) {
        return;
      }
      List<QuerySubscription> scheduled = new ArrayList<>();
      Set<String> existing = new HashSet<>();
      for (QuerySubscription subscription : subscriptions()) {
        existing.add(subscription.subscriptionId());
        if (!subscription.stream()) {
          scheduled.add(subscription);
        }
      }
      // Failures of subscriptions deleted with their named query are forgotten here.
      failures.keySet().retainAll(existing);
      for (QuerySubscription subscription : scheduled) {
        QuerySchedule schedule = QuerySchedule.parse(subscription.schedule());
        for (long second = from; second <= now; second++) {
          if (schedule.matches(
                  ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC))
              && lastRunSecond.getOrDefault(subscription.subscriptionId(), -1L) < second) {
            lastRunSecond.put(subscription.subscriptionId(), second);
            runScheduled(subscription, Instant.ofEpochSecond(second));
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("EPCIS scheduled delivery failed", e);
    }
  }

  private void runScheduled(QuerySubscription subscription, Instant runAt) {
    NamedQuery named = namedQuery(subscription);
    if (named == null) {
      return;
    }
    Instant upTo = runAt.minus(SCHEDULE_LAG);
    if (!upTo.isAfter(subscription.minRecordTime())) {
      return;
    }
    List<InetAddress> addresses = reachable(subscription);
    if (addresses == null) {
      return;
    }
    capture.catchUp();
    EpcisQuery query = window(query(named), subscription.minRecordTime(), upTo);
    Scope scope = scope(subscription);
    boolean sent = false;
    long offset = 0;
    while (true) {
      List<EpcisRecord> page = queries.query(scope, query, offset, BATCH);
      if (page.isEmpty() && (sent || !subscription.reportIfEmpty())) {
        break;
      }
      if (!send(subscription, addresses, page)) {
        return;
      }
      sent = true;
      offset += page.size();
      if (page.size() < BATCH) {
        break;
      }
    }
    if (sent) {
      delivered(subscription, upTo, Instant.now());
    }
  }

  private static EpcisQuery query(NamedQuery named) {
    Map<String, String> parameters = NamedQueryEndpoints.flatten(named.parameters());
    return QueryEndpoints.query(parameters::get);
  }

  /** The query restricted to these eventIDs, in recordTime order; null when none can match. */
  private static EpcisQuery onlyThese(EpcisQuery query, List<String> eventIds) {
    Set<String> ids = new LinkedHashSet<>(eventIds);
    List<String> already = query.matches().get(Match.EVENT_ID);
    if (already != null) {
      ids.retainAll(Set.copyOf(already));
    }
    if (ids.isEmpty()) {
      return null;
    }
    EpcisQuery restricted = query.and(Match.EVENT_ID, List.copyOf(ids));
    return new EpcisQuery(
        restricted.matches(),
        restricted.eventTimeFrom(),
        restricted.eventTimeBefore(),
        restricted.recordTimeFrom(),
        restricted.recordTimeBefore(),
        EpcisQuery.OrderBy.RECORD_TIME,
        true,
        0);
  }

  /** The query within [from, before) of record time (narrowed, never widened), oldest first. */
  private static EpcisQuery window(EpcisQuery query, Instant from, Instant before) {
    Instant start =
        query.recordTimeFrom() != null && query.recordTimeFrom().isAfter(from)
            ? query.recordTimeFrom()
            : from;
    Instant end =
        query.recordTimeBefore() != null && query.recordTimeBefore().isBefore(before)
            ? query.recordTimeBefore()
            : before;
    return new EpcisQuery(
        query.matches(),
        query.eventTimeFrom(),
        query.eventTimeBefore(),
        start,
        end,
        EpcisQuery.OrderBy.RECORD_TIME,
        true,
        0);
  }

  /** What the subscriber may see now. */
  private Scope scope(QuerySubscription subscription) {
    if (subscription.organisation().equals(Authenticator.ADMIN_ORGANISATION)) {
      return needToKnow.scope(Caller.platformAdministrator());
    }
    return needToKnow.scope(
        new Caller(
            subscription.organisation(),
            Role.fromWireName(subscription.role()),
            accounts.organisation(subscription.organisation()).orElse(null),
            null));
  }

  private boolean sendWithRetries(QuerySubscription subscription, List<EpcisRecord> records) {
    List<InetAddress> addresses = reachable(subscription);
    if (addresses == null) {
      return false;
    }
    boolean socket = isSocket(subscription);
    int attempts = socket ? 1 : ATTEMPTS;
    long pause = 500;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      boolean accepted = true;
      for (int from = 0; from < records.size() && accepted; from += BATCH) {
        accepted =
            send(
                subscription,
                addresses,
                records.subList(from, Math.min(records.size(), from + BATCH)));
      }
      if (accepted) {
        return true;
      }
      if (socket) {
        return false;
      }
      if (attempt < ATTEMPTS) {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        pause *= 2;
      }
    }
    LOG.warn(
        "EPCIS subscription {}: {} refused {} events; given up",
        subscription.subscriptionId(),
        subscription.destination(),
        records.size());
    return false;
  }

  /**
   * The addresses a webhook's destination may be reached at now ({@link WebhookDestinations}), or
   * null when it is refused (logged). Sockets need none.
   */
  private List<InetAddress> reachable(QuerySubscription subscription) {
    if (isSocket(subscription)) {
      return List.of();
    }
    try {
      return destinations.check(URI.create(subscription.destination()));
    } catch (WebhookDestinations.Refused refused) {
      LOG.warn(
          "EPCIS subscription {}: not delivered: {}",
          subscription.subscriptionId(),
          refused.getMessage());
      failed(subscription, "not delivered: " + refused.getMessage());
      return null;
    }
  }

  /**
   * Sends one document, for a webhook to one of the checked addresses; whether the subscriber took
   * it (2xx for a webhook).
   */
  private boolean send(
      QuerySubscription subscription, List<InetAddress> addresses, List<EpcisRecord> records) {
    byte[] body = Json.bytes(QueryEndpoints.queryDocument(records, subscription.queryName()));
    if (isSocket(subscription)) {
      Socket socket = sockets.get(subscription.subscriptionId());
      if (socket == null) {
        return false;
      }
      boolean sent = socket.sender.send(new String(body, StandardCharsets.UTF_8));
      if (!sent) {
        closed(subscription.subscriptionId());
      }
      return sent;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("GS1-EPCIS-Version", "2.0.0");
    if (subscription.signatureToken() != null) {
      headers.put("GS1-Signature", signature(subscription.signatureToken(), body));
    }
    try {
      int status = http.post(URI.create(subscription.destination()), addresses, headers, body);
      boolean accepted = status / 100 == 2;
      if (!accepted) {
        LOG.info(
            "EPCIS subscription {}: {} answered {}",
            subscription.subscriptionId(),
            subscription.destination(),
            status);
        failed(subscription, "the receiver answered " + status);
      }
      return accepted;
    } catch (IOException e) {
      LOG.info(
          "EPCIS subscription {}: {} unreachable: {}",
          subscription.subscriptionId(),
          subscription.destination(),
          e.toString());
      failed(
          subscription,
          e instanceof SSLHandshakeException
              ? e.getMessage()
              : "unreachable: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of the body under the subscriber's token. */
  static String signature(String token, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
