package org.oretrace.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #FAILURES_PER_USER} failed logins for one username, or
 * {@value #FAILURES_PER_ADDRESS} from one client address, within {@link #WINDOW}, further attempts
 * on that username or from that address are refused until the window has passed, without checking
 * the password (so a correct guess during the lock-out teaches nothing). A successful login clears
 * the username's count.
 *
 * <p>The counts live in memory: they reset when the server restarts and are per server, which is
 * enough against online guessing at one instance (a few attempts per quarter hour per name, against
 * passwords of ten characters or more). Both keys are needed: per username stops a focused attack
 * on one account from many addresses, per address stops one machine trying many usernames. Locking
 * a username lets an attacker lock a user out for a window; that is the accepted price.
 */
final class LoginThrottle {

  static final int FAILURES_PER_USER = 5;
  static final int FAILURES_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** When the attempt may be tried again, or null when it may be tried now. */
  Instant lockedUntil(String username, String address) {
    Instant now = clock.instant();
    Instant user = lockedUntil("user:" + username, FAILURES_PER_USER, now);
    Instant client = lockedUntil("address:" + address, FAILURES_PER_ADDRESS, now);
    if (user == null) {
      return client;
    }
    return client == null || user.isAfter(client) ? user : client;
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_TRACKED) {
      forgetExpired(now);
    }
    count("user:" + username, now);
    count("address:" + address, now);
  }

  void succeeded(String username) {
    failures.remove("user:" + username);
  }

  private Instant lockedUntil(String key, int limit, Instant now) {
    Failures counted = failures.get(key);
    if (counted == null || !now.isBefore(counted.windowStart.plus(WINDOW))) {
      return null;
    }
    return counted.count >= limit ? counted.windowStart.plus(WINDOW) : null;
  }

  private void count(String key, Instant now) {
    failures.compute(
        key,
        (ignored, counted) ->
            counted == null || !now.isBefore(counted.windowStart.plus(WINDOW))
                ? new Failures(now, 1)
                : new Failures(counted.windowStart, counted.count + 1));
  }

  private void forgetExpired(Instant now) {
    for (Iterator<Failures> values = failures.values().iterator(); values.hasNext(); ) {
      if (!now.isBefore(values.next().windowStart.plus(WINDOW))) {
        values.remove();
      }
    }
  }

  private record Failures(Instant windowStart, int count) {}
}
