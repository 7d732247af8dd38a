package org.oretrace.server.stats;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.oretrace.core.Country;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.server.stats.FlowDiagram.FlowLink;
import org.oretrace.server.stats.FlowDiagram.FlowNode;
import org.oretrace.server.stats.Movement.MovementKind;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.StoredEvent;

/**
 * Mass flows of the custody record, for the web application's charts: how much of each mineral was
 * tagged and exported each month, what went in and out of a site or an actor, and the flow diagram
 * (Sankey) from sites through cooperatives, traders and comptoirs to destination countries and
 * smelters.
 *
 * <p>Design. Every stored event is reduced once to at most one {@link Movement} (mass going from
 * one node to the next, in a month, of a mineral); questions are answered by one pass over the
 * movements. To know the mass, mineral and holder of a lot when a shipment or transfer names only
 * the lot, the events are replayed in ledger order with a small state per lot. The movements are
 * kept up to date lazily: each question first reads the events recorded since the previous one (the
 * ledger only grows, so the sequence number already read is the whole cursor). On the demo world
 * (10,600 events) the first question takes a fraction of a second and the next ones a few
 * milliseconds; a national deployment would keep per-month accumulators instead of the movements.
 *
 * <p>Flow semantics. A shipment that crosses a border is not drawn as a link: its export (holder to
 * the destination country) and import (country to importer) are. Links that would go backwards in
 * the chain (a comptoir selling to a trader) are left out of the diagram, so that it stays acyclic,
 * and their mass is reported as omitted.
 */
public final class CustodyStatistics {

  private static final int READ_BATCH = 5_000;

  private final CustodyStore custody;
  private final Registry registry;
  private final List<Movement> movements = new ArrayList<>();
  private final Map<String, LotFacts> lots = new HashMap<>();
  private long nextSequence;

  public CustodyStatistics(CustodyStore custody, Registry registry) {
    this.custody = requireNonNull(custody, "custody is null");
    this.registry = requireNonNull(registry, "registry is null");
  }

  /** Mass of every mineral tagged and exported, per month, over the whole record. */
  public synchronized MonthlyMasses monthly(Mineral mineral, Predicate<String> eventVisible) {
    refresh();
    Map<String, Map<YearMonth, Long>> series = new LinkedHashMap<>();
    for (Movement movement : movements) {
      if ((mineral != null && movement.mineral() != mineral)
          || !eventVisible.test(movement.eventId())) {
        continue;
      }
      String measure =
          switch (movement.kind()) {
            case TAG -> "tagged";
            case EXPORT -> "exported";
            default -> null;
          };
      if (measure != null) {
        add(series, movement.mineral().wireName() + "/" + measure, movement);
      }
    }
    return monthlyMasses(series);
  }

  /**
   * Mass that went into and out of one node per month and mineral: for a site, what was tagged at
   * it (its output); for an actor, what it received and what it passed on. Every question counts
   * only the movements whose event {@code eventVisible} accepts (the caller's scope).
   *
   * @param node {@code site:<id>} or {@code actor:<id>}
   */
  public synchronized MonthlyMasses throughput(String node, Predicate<String> eventVisible) {
    requireNonNull(node, "node is null");
    refresh();
    Map<String, Map<YearMonth, Long>> series = new LinkedHashMap<>();
    for (Movement movement : movements) {
      if (!eventVisible.test(movement.eventId())) {
        continue;
      }
      if (movement.target().equals(node)) {
        add(series, movement.mineral().wireName() + "/in", movement);
      }
      if (movement.source().equals(node)) {
        add(series, movement.mineral().wireName() + "/out", movement);
      }
    }
    return monthlyMasses(series);
  }

  /**
   * The flow diagram of one mineral (or all, when null) over a period of months (either bound may
   * be null for open).
   */
  public synchronized FlowDiagram flows(
      Mineral mineral, YearMonth from, YearMonth to, Predicate<String> eventVisible) {
    refresh();
    Map<String, Map<String, long[]>> linkTotals = new TreeMap<>();
    long omittedGrams = 0;
    for (Movement movement : movements) {
      if ((mineral != null && movement.mineral() != mineral)
          || !eventVisible.test(movement.eventId())
          || (from != null && movement.month().isBefore(from))
          || (to != null && movement.month().isAfter(to))) {
        continue;
      }
      if (stage(movement.target()) <= stage(movement.source())) {
        omittedGrams += movement.massGrams();
        continue;
      }
      long[] total =
          linkTotals
              .computeIfAbsent(movement.source(), source -> new TreeMap<>())
              .computeIfAbsent(movement.target(), target -> new long[2]);
      total[0] += movement.massGrams();
      total[1]++;
    }
    Map<String, FlowNode> nodes = new TreeMap<>();
    List<FlowLink> links = new ArrayList<>();
    linkTotals.forEach(
        (source, targets) ->
            targets.forEach(
                (target, total) -> {
                  nodes.computeIfAbsent(source, this::node);
                  nodes.computeIfAbsent(target, this::node);
                  links.add(new FlowLink(source, target, total[0], (int) total[1]));
                }));
    return new FlowDiagram(List.copyOf(nodes.values()), links, omittedGrams);
  }

  /** Reads the events recorded since the last question and turns them into movements. */
  private void refresh() {
    long count = custody.nextSequence();
    while (nextSequence < count) {
      List<StoredEvent> batch = custody.events(nextSequence, READ_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (StoredEvent stored : batch) {
        replay(stored.event());
        nextSequence = stored.sequence() + 1;
      }
    }
  }

  private void replay(CustodyEvent event) {
    String eventId = event.context().id();
    YearMonth month = YearMonth.from(event.context().instant().atZone(ZoneOffset.UTC));
    String actor = event.context().actorId();
    switch (event) {
      case Tag tag -> {
        lots.put(tag.lotId(), new LotFacts(tag.mineral(), tag.massGrams(), actor));
        movements.add(
            new Movement(
                month,
                tag.mineral(),
                MovementKind.TAG,
                Nodes.site(tag.siteId()),
                Nodes.actor(actor),
                tag.massGrams(),
                tag.lotId(),
                eventId));
      }
      case Transfer transfer ->
          lot(transfer.lotId())
              .ifPresent(
                  lot -> {
                    movements.add(
                        new Movement(
                            month,
                            lot.mineral,
                            MovementKind.TRANSFER,
                            Nodes.actor(lot.holder),
                            Nodes.actor(transfer.toActorId()),
                            lot.massGrams,
                            transfer.lotId(),
                            eventId));
                    lot.holder = transfer.toActorId();
                  });
      case Ship ship ->
          lot(ship.lotId())
              .ifPresent(
                  lot -> {
                    if (sameCountry(lot.holder, ship.consigneeId())) {
                      movements.add(
                          new Movement(
                              month,
                              lot.mineral,
                              MovementKind.SHIP,
                              Nodes.actor(lot.holder),
                              Nodes.actor(ship.consigneeId()),
                              lot.massGrams,
                              ship.lotId(),
                              eventId));
                    }
                  });
      case Receive receive ->
          lot(receive.lotId())
              .ifPresent(
                  lot -> {
                    lot.holder = actor;
                    if (receive.massGrams() > 0) {
                      lot.massGrams = receive.massGrams();
                    }
                  });
      case Export export ->
          lot(export.lotId())
              .ifPresent(
                  lot ->
                      movements.add(
                          new Movement(
                              month,
                              lot.mineral,
                              MovementKind.EXPORT,
                              Nodes.actor(lot.holder),
                              Nodes.country(export.destination()),
                              export.massGrams() > 0 ? export.massGrams() : lot.massGrams,
                              export.lotId(),
                              eventId)));
      case Import imported ->
          lot(imported.lotId())
              .ifPresent(
                  lot -> {
                    if (imported.massGrams() > 0) {
                      lot.massGrams = imported.massGrams();
                    }
                    lot.holder = actor;
                    registry
                        .actor(actor)
                        .ifPresent(
                            importer ->
                                movements.add(
                                    new Movement(
                                        month,
                                        lot.mineral,
                                        MovementKind.IMPORT,
                                        Nodes.country(importer.country()),
                                        Nodes.actor(actor),
                                        lot.massGrams,
                                        imported.lotId(),
                                        eventId)));
                  });
      case Split split ->
          lot(split.lotId())
              .ifPresent(
                  parent -> {
                    for (NewLot part : split.parts()) {
                      lots.put(part.lotId(), new LotFacts(parent.mineral, part.massGrams(), actor));
                    }
                    lots.remove(split.lotId());
                  });
      case Merge merge -> {
        Mineral mineral =
            lot(merge.inputLotIds().getFirst()).map(input -> input.mineral).orElse(null);
        merge.inputLotIds().forEach(lots::remove);
        if (mineral != null) {
          lots.put(
              merge.output().lotId(), new LotFacts(mineral, merge.output().massGrams(), actor));
        }
      }
      case Process process -> {
        for (ProcessOutput output : process.outputs()) {
          lots.put(output.lotId(), new LotFacts(output.mineral(), output.massGrams(), actor));
        }
      }
      default -> {
        // Assays move nothing.
      }
    }
  }

  private Optional<LotFacts> lot(String lotId) {
    return Optional.ofNullable(lots.get(lotId));
  }

  private boolean sameCountry(String firstActorId, String secondActorId) {
    Optional<Country> first = registry.actor(firstActorId).map(Actor::country);
    Optional<Country> second = registry.actor(secondActorId).map(Actor::country);
    return first.isPresent() && first.equals(second);
  }

  private FlowNode node(String id) {
    if (id.startsWith(Nodes.SITE)) {
      String siteId = id.substring(Nodes.SITE.length());
      Optional<Site> site = registry.site(siteId);
      return new FlowNode(
          id,
          "site",
          site.map(Site::name).orElse(siteId),
          site.map(Site::country).orElse(null),
          site.map(Site::location).orElse(null),
          site.orElse(null));
    }
    if (id.startsWith(Nodes.ACTOR)) {
      String actorId = id.substring(Nodes.ACTOR.length());
      Optional<Actor> actor = registry.actor(actorId);
      return new FlowNode(
          id,
          actor.map(found -> found.kind().wireName()).orElse("actor"),
          actor.map(Actor::name).orElse(actorId),
          actor.map(Actor::country).orElse(null),
          actor.map(Actor::location).orElse(null),
          null);
    }
    Country country = new Country(id.substring(Nodes.COUNTRY.length()));
    return new FlowNode(id, "country", country.displayName(), country, null, null);
  }

  /** Where a node sits in the chain, from mine (0) to refiner; links only go forward. */
  private int stage(String node) {
    if (node.startsWith(Nodes.SITE)) {
      return 0;
    }
    if (node.startsWith(Nodes.COUNTRY)) {
      return 6;
    }
    ActorKind kind =
        registry
            .actor(node.substring(Nodes.ACTOR.length()))
            .map(Actor::kind)
            .orElse(ActorKind.TRADER);
    return switch (kind) {
      case COOPERATIVE -> 1;
      case TRADER, TRANSPORTER -> 2;
      case COMPTOIR -> 3;
      case PROCESSOR -> 4;
      case CUSTOMS_OFFICE -> 5;
      case SMELTER -> 7;
    };
  }

  private static void add(Map<String, Map<YearMonth, Long>> series, String key, Movement movement) {
    series
        .computeIfAbsent(key, ignored -> new TreeMap<>())
        .merge(movement.month(), movement.massGrams(), Long::sum);
  }

  private static MonthlyMasses monthlyMasses(Map<String, Map<YearMonth, Long>> series) {
    TreeSet<YearMonth> months = new TreeSet<>();
    series.values().forEach(values -> months.addAll(values.keySet()));
    if (!months.isEmpty()) {
      for (YearMonth month = months.first();
          month.isBefore(months.last());
          month = month.plusMonths(1)) {
        months.add(month);
      }
    }
    List<YearMonth> monthList = List.copyOf(months);
    Map<Mineral, Map<String, long[]>> byMineral = new EnumMap<>(Mineral.class);
    series.forEach(
        (key, values) -> {
          int slash = key.indexOf('/');
          Mineral mineral = Mineral.fromWireName(key.substring(0, slash));
          long[] grams = new long[monthList.size()];
          for (int index = 0; index < grams.length; index++) {
            grams[index] = values.getOrDefault(monthList.get(index), 0L);
          }
          byMineral
              .computeIfAbsent(mineral, ignored -> new TreeMap<>())
              .put(key.substring(slash + 1), grams);
        });
    List<MonthlyMasses.Series> list = new ArrayList<>();
    byMineral.forEach(
        (mineral, measures) ->
            measures.forEach(
                (measure, grams) -> list.add(new MonthlyMasses.Series(mineral, measure, grams))));
    return new MonthlyMasses(monthList, list);
  }

  /** What the replay needs to know of a lot. */
  private static final class LotFacts {
    final Mineral mineral;
    long massGrams;
    String holder;

    LotFacts(Mineral mineral, long massGrams, String holder) {
      this.mineral = mineral;
      this.massGrams = massGrams;
      this.holder = holder;
    }
  }
}
