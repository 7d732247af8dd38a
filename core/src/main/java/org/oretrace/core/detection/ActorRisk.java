package org.oretrace.core.detection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.WatchListEntry;

/**
 * D9 actor-risk: an actor whose name matches a sanctions or watch-list entry. Each actor is
 * screened by its name with its country as a qualifier (see {@link Screener}); every entry it
 * matches at or above the screener's threshold becomes one alert, whose explanation carries the
 * evidence: the list, the entry's reference, the listed name that matched, the score and why.
 *
 * <p>Unlike the other detectors this one watches parties, not custody events: it runs when actors
 * are registered and when a list is imported, so its alerts name the actor and no event. An alert's
 * id is made from the actor and the entry, so screening the same actor again raises nothing new.
 * Owners, directors and the ownership graph (the rest of D9 in DESIGN.md) are not screened yet.
 */
public final class ActorRisk {

  private static final int MAX_ID_LENGTH = 128;

  private final Screener screener;

  public ActorRisk(Screener screener) {
    this.screener = requireNonNull(screener, "screener is null");
  }

  /** The alerts for the actors that match an entry, raised at {@code at}. */
  public List<Alert> screen(Collection<Actor> actors, Instant at) {
    requireNonNull(actors, "actors is null");
    requireNonNull(at, "at is null");
    List<Alert> alerts = new ArrayList<>();
    for (Actor actor : actors) {
      Query query = new Query(actor.name(), actor.country().code(), null, null);
      for (Match match : screener.screen(query)) {
        alerts.add(alert(actor, match, at));
      }
    }
    return alerts;
  }

  private static Alert alert(Actor actor, Match match, Instant at) {
    WatchListEntry entry = match.entry();
    String programmes =
        entry.programmes().isEmpty() ? "" : " (" + String.join(", ", entry.programmes()) + ")";
    String explanation =
        String.format(
            "Actor %s \"%s\" matches %s entry %s \"%s\"%s: %s",
            actor.id(),
            actor.name(),
            entry.source(),
            entry.reference(),
            match.matchedName(),
            programmes,
            match.explanation());
    return new Alert(
        id(actor, entry),
        DetectorId.D9,
        match.score(),
        Severity.forScore(match.score()),
        at,
        List.of(),
        List.of(),
        List.of(actor.id()),
        List.of(),
        List.of(actor.country()),
        Map.of("score", rounded(match.score()), "nameScore", rounded(match.nameScore())),
        explanation);
  }

  /** "D9-" + actor + list + reference, without spaces, cut to the id length limit. */
  static String id(Actor actor, WatchListEntry entry) {
    String id =
        ("D9-" + actor.id() + "-" + entry.source() + "-" + entry.reference())
            .replaceAll("\\s+", "_");
    return id.length() <= MAX_ID_LENGTH ? id : id.substring(0, MAX_ID_LENGTH);
  }

  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
  }
}
