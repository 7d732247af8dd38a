package org.oretrace.core.risk;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Site;

/**
 * A risk score from 0 to 100 for a lot, an actor or a site, with every factor that contributed and
 * its points, so that an officer sees why. The formula is additive and capped at 100:
 *
 * <ul>
 *   <li><b>alerts</b> naming the subject (D9 excepted): 20 points for each high, 10 for each medium
 *       and 4 for each low one, at most 50 in all;
 *   <li><b>origin status</b> (a site, or a lot's worst origin site): red 40, yellow 15, blue (not
 *       yet assessed) 10, green 0;
 *   <li><b>armed presence</b> at the site: in control 35, present 15;
 *   <li><b>CAHRA</b>: the site lies in a conflict-affected and high-risk area, 10;
 *   <li><b>sanctions hits</b>: D9 alerts on the actor (for a lot, on its holder), 40 each;
 *   <li><b>licence validity</b>: an actor other than a customs office with no licence, or one not
 *       valid today, 20 (for a lot, its holder's).
 * </ul>
 *
 * <p>The weights put a red or armed-group-controlled origin, or a sanctions hit, in the upper half
 * on its own, as OECD due-diligence guidance treats each as a reason to stop and look; alerts add
 * up but cannot alone make a subject look worse than a red origin plus a sanctions hit.
 */
public record RiskScore(int score, List<Factor> factors) {

  static final int MAXIMUM_ALERT_POINTS = 50;

  public RiskScore {
    factors = List.copyOf(requireNonNull(factors, "factors is null"));
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be within 0..100, got " + score);
    }
  }

  /** One contribution: what it is ("origin-status"), its points, and a sentence. */
  public record Factor(String name, int points, String detail) {
    public Factor {
      requireNonNull(name, "name is null");
      requireNonNull(detail, "detail is null");
    }
  }

  public static RiskScore site(Site site, Collection<Alert> alerts) {
    requireNonNull(site, "site is null");
    List<Factor> factors = new ArrayList<>();
    origin(site, factors);
    alerts(alerts, factors);
    return of(factors);
  }

  public static RiskScore actor(Actor actor, Collection<Alert> alerts, LocalDate today) {
    requireNonNull(actor, "actor is null");
    List<Factor> factors = new ArrayList<>();
    party(actor, alerts, today, factors);
    alerts(alerts, factors);
    return of(factors);
  }

  /**
   * @param origins the mine sites the lot comes from (its upstream lineage)
   * @param holder who holds it now, or null when unknown
   * @param holderAlerts the alerts naming the holder, for its sanctions hits
   */
  public static RiskScore lot(
      Collection<Site> origins,
      Collection<Alert> alerts,
      Actor holder,
      Collection<Alert> holderAlerts,
      LocalDate today) {
    List<Factor> factors = new ArrayList<>();
    Site worst = null;
    int worstPoints = -1;
    for (Site site : origins) {
      List<Factor> siteFactors = new ArrayList<>();
      origin(site, siteFactors);
      int points = siteFactors.stream().mapToInt(Factor::points).sum();
      if (points > worstPoints) {
        worst = site;
        worstPoints = points;
      }
    }
    if (worst != null) {
      origin(worst, factors);
    }
    if (holder != null) {
      party(holder, holderAlerts, today, factors);
    }
    alerts(alerts, factors);
    return of(factors);
  }

  private static void origin(Site site, List<Factor> factors) {
    int status =
        switch (site.icglrStatus()) {
          case RED -> 40;
          case YELLOW -> 15;
          case BLUE -> 10;
          case GREEN -> 0;
        };
    if (status > 0) {
      factors.add(
          new Factor(
              "origin-status",
              status,
              "site "
                  + site.name()
                  + " is "
                  + site.icglrStatus().name().toLowerCase(java.util.Locale.ROOT)));
    }
    int armed =
        switch (site.armedGroupPresence()) {
          case CONTROLLED -> 35;
          case PRESENT -> 15;
          case NONE -> 0;
        };
    if (armed > 0) {
      factors.add(
          new Factor(
              "armed-presence",
              armed,
              "armed groups " + (armed == 35 ? "control " : "are present at ") + site.name()));
    }
    if (site.cahra()) {
      factors.add(new Factor("cahra", 10, site.name() + " lies in a conflict-affected area"));
    }
  }

  private static void party(
      Actor actor, Collection<Alert> alerts, LocalDate today, List<Factor> factors) {
    long hits = alerts.stream().filter(alert -> alert.detector() == DetectorId.D9).count();
    if (hits > 0) {
      factors.add(
          new Factor(
              "sanctions",
              (int) Math.min(100, 40 * hits),
              actor.name() + " matches " + hits + " watch-list entr" + (hits == 1 ? "y" : "ies")));
    }
    if (actor.kind() != ActorKind.CUSTOMS_OFFICE
        && (actor.licence() == null || !actor.licence().validOn(today))) {
      factors.add(
          new Factor(
              "licence",
              20,
              actor.name()
                  + (actor.licence() == null
                      ? " holds no licence"
                      : "'s licence " + actor.licence().number() + " is not valid on " + today)));
    }
  }

  private static void alerts(Collection<Alert> alerts, List<Factor> factors) {
    int points = 0;
    int counted = 0;
    for (Alert alert : alerts) {
      if (alert.detector() == DetectorId.D9) {
        continue;
      }
      counted++;
      points +=
          switch (alert.severity()) {
            case HIGH -> 20;
            case MEDIUM -> 10;
            case LOW -> 4;
          };
    }
    if (counted > 0) {
      factors.add(
          new Factor(
              "alerts",
              Math.min(MAXIMUM_ALERT_POINTS, points),
              counted + " detection alert" + (counted == 1 ? "" : "s")));
    }
  }

  private static RiskScore of(List<Factor> factors) {
    int sum = factors.stream().mapToInt(Factor::points).sum();
    return new RiskScore(Math.min(100, sum), factors);
  }
}
