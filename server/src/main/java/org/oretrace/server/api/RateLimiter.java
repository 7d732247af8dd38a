package org.oretrace.server.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A sliding-window limit of requests per client for the anonymous community channel, which must not
 * store who sent what. A client is known here only by an HMAC of its address under a key drawn at
 * random when the server starts and never written anywhere: the map holds no address, the key dies
 * with the process, and the HMAC cannot be reversed or recomputed without the key. Entries live
 * only as long as their window, in memory.
 *
 * <p>Behind a reverse proxy every request comes from the proxy's address; such deployments must
 * limit at the proxy (the documented setup), since trusting a forwarded header would let anyone
 * choose their own limit.
 */
final class RateLimiter {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Deque<Instant>> recent = new HashMap<>();

  RateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Counts a request from the address; false when the client already used up its window. */
  synchronized boolean tryAcquire(String clientAddress) {
    Instant now = clock.instant();
    Instant start = now.minus(window);
    forgetBefore(start);
    Deque<Instant> times =
        recent.computeIfAbsent(pseudonym(clientAddress), key -> new ArrayDeque<>());
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }

  /** The window, to tell a refused client when to try again. */
  Duration window() {
    return window;
  }

  private void forgetBefore(Instant start) {
    Iterator<Deque<Instant>> clients = recent.values().iterator();
    while (clients.hasNext()) {
      Deque<Instant> times = clients.next();
      while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        clients.remove();
      }
    }
  }

  private String pseudonym(String clientAddress) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
