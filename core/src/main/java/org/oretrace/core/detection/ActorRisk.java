package org.oretrace.core.detection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.oretrace.core.entities.EntityGraph;
import org.oretrace.core.entities.EntityGraph.Edge;
import org.oretrace.core.entities.EntityGraph.EdgeKind;
import org.oretrace.core.entities.EntityGraph.NodeKind;
import org.oretrace.core.entities.EntityGraph.Path;
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
 *
 * <p>Over the entity graph ({@link #assess}) the actor's owners and directors, the companies that
 * own it and the actors it trades with count too: every watch-list entry within {@value #MAX_HOPS}
 * edges of the actor raises one alert, scored as the match times a weight per edge on the shortest
 * path (ownership {@value #OWNERSHIP_WEIGHT}, directorship {@value #DIRECTORSHIP_WEIGHT}, family
 * {@value #FAMILY_WEIGHT}, payment {@value #PAYMENT_WEIGHT}, associate {@value #ASSOCIATE_WEIGHT},
 * a shared licence or registration number {@value #SHARED_LICENCE_WEIGHT}, phone {@value
 * #SHARED_PHONE_WEIGHT}, address {@value #SHARED_ADDRESS_WEIGHT}, custody trade {@value
 * #TRADE_WEIGHT}), and kept from {@value #MINIMUM_SCORE}: an actor owned by a listed person scores
 * almost as its owner's match, one that only bought from a listed trader half as much. The path is
 * the evidence. Paths to armed-group sites are not alerts here: tagging at such a site is D8's.
 */
public final class ActorRisk {

  private static final int MAX_ID_LENGTH = 128;

  static final int MAX_HOPS = 3;
  static final double OWNERSHIP_WEIGHT = 0.95;
  static final double DIRECTORSHIP_WEIGHT = 0.9;
  static final double FAMILY_WEIGHT = 0.85;
  static final double PAYMENT_WEIGHT = 0.8;
  static final double ASSOCIATE_WEIGHT = 0.7;
  static final double SHARED_LICENCE_WEIGHT = 0.85;
  static final double SHARED_PHONE_WEIGHT = 0.8;
  static final double SHARED_ADDRESS_WEIGHT = 0.75;
  static final double TRADE_WEIGHT = 0.6;
  static final double MINIMUM_SCORE = 0.5;

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

  /**
   * The alerts for the actors near a watch-list entry in the graph (whose screening matches it
   * holds): one per actor and entry, over the shortest path, raised at {@code at}. An actor not in
   * the graph raises nothing.
   */
  public static List<Alert> assess(Collection<Actor> actors, EntityGraph graph, Instant at) {
    requireNonNull(actors, "actors is null");
    requireNonNull(graph, "graph is null");
    requireNonNull(at, "at is null");
    List<Alert> alerts = new ArrayList<>();
    for (Actor actor : actors) {
      String node = EntityGraph.actorNode(actor.id());
      if (graph.node(node).isEmpty()) {
        continue;
      }
      for (Path path : graph.paths(node, MAX_HOPS)) {
        if (graph.node(path.target()).orElseThrow().kind() != NodeKind.WATCH_LIST_ENTRY) {
          continue;
        }
        Edge listed = path.edges().get(path.hops() - 1);
        Match match = graph.match(listed);
        if (path.hops() == 1) {
          alerts.add(alert(actor, match, at));
          continue;
        }
        double score = match.score();
        List<String> actorIds = new ArrayList<>(List.of(actor.id()));
        for (int index = 0; index < path.hops() - 1; index++) {
          score *= weight(path.edges().get(index).kind());
          String through = path.nodeIds().get(index + 1);
          graph
              .node(through)
              .filter(each -> each.kind() == NodeKind.ACTOR)
              .ifPresent(each -> actorIds.add(each.reference()));
        }
        if (score >= MINIMUM_SCORE) {
          alerts.add(linkedAlert(actor, match, path, score, actorIds, at));
        }
      }
    }
    return alerts;
  }

  static double weight(EdgeKind kind) {
    return switch (kind) {
      case OWNERSHIP -> OWNERSHIP_WEIGHT;
      case DIRECTORSHIP -> DIRECTORSHIP_WEIGHT;
      case FAMILY -> FAMILY_WEIGHT;
      case PAYMENT -> PAYMENT_WEIGHT;
      case ASSOCIATE -> ASSOCIATE_WEIGHT;
      case SHARED_LICENCE -> SHARED_LICENCE_WEIGHT;
      case SHARED_PHONE -> SHARED_PHONE_WEIGHT;
      case SHARED_ADDRESS -> SHARED_ADDRESS_WEIGHT;
      case TRADE -> TRADE_WEIGHT;
      case SOURCING, LISTED -> 0;
    };
  }

  private static Alert linkedAlert(
      Actor actor, Match match, Path path, double score, List<String> actorIds, Instant at) {
    WatchListEntry entry = match.entry();
    String programmes =
        entry.programmes().isEmpty() ? "" : " (" + String.join(", ", entry.programmes()) + ")";
    String explanation =
        String.format(
            "Actor %s \"%s\" is %d links from %s entry %s \"%s\"%s: %s",
            actor.id(),
            actor.name(),
            path.hops() - 1,
            entry.source(),
            entry.reference(),
            match.matchedName(),
            programmes,
            path.evidence());
    return new Alert(
        id(actor, entry),
        DetectorId.D9,
        score,
        Severity.forScore(score),
        at,
        List.of(),
        List.of(),
        actorIds.stream().distinct().toList(),
        List.of(),
        List.of(actor.country()),
        Map.of(
            "score",
            rounded(score),
            "nameScore",
            rounded(match.nameScore()),
            "links",
            BigDecimal.valueOf(path.hops() - 1)),
        explanation);
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
