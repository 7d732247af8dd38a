package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.core.custody.EventFactory.input;
import static org.oretrace.core.custody.EventFactory.output;
import static org.oretrace.core.custody.EventFactory.part;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Mineral;

/**
 * Property-style test of traces: random custody histories (tags, splits, merges, processing,
 * shipping, export and import) are accepted batch by batch, and every lot's trace in both
 * directions must agree with a naive breadth-first search over the edges of the accepted batches.
 */
class CustodyGraphTraceTest {

  private static final List<String> SITES =
      List.of(FakeRegistry.RUBAYA, FakeRegistry.NYABIBWE, "site-bisie");

  @Test
  void tracesAgreeWithANaiveSearchOverRandomHistories() {
    for (int seed = 0; seed < 300; seed++) {
      History history = new History(new Random(seed));
      history.run(10 + seed % 40);
      history.checkEveryTrace("seed " + seed);
    }
  }

  /** A random custody history, generated against a small model of which lots are live. */
  private static final class History {
    private final Random random;
    private final FakeRegistry registry = FakeRegistry.standard();
    private final CustodyGraph graph = new CustodyGraph();
    private final EventFactory events = new EventFactory();
    private final Map<String, ModelLot> model = new LinkedHashMap<>();
    private final Set<String> liveTags = new HashSet<>();
    private final List<String> releasedTags = new ArrayList<>();
    private final List<LineageEdge> edges = new ArrayList<>();
    private final Map<String, Map<String, Long>> consumedByProcess = new HashMap<>();
    private final Map<String, String> taggedAt = new HashMap<>();
    private final Map<String, List<LineageEdge>> incoming = new HashMap<>();
    private final Map<String, List<LineageEdge>> outgoing = new HashMap<>();
    private int nextLot;
    private int nextTag;

    History(Random random) {
      this.random = random;
      registry.addSite("site-bisie", new GeoPoint(-1.0, 27.5));
    }

    void run(int batches) {
      for (int batch = 0; batch < batches; batch++) {
        List<CustodyEvent> events = new ArrayList<>();
        int size = 1 + random.nextInt(8);
        for (int i = 0; i < size; i++) {
          events.add(nextEvent());
        }
        AcceptedBatch accepted = graph.check(events, registry);
        graph.apply(accepted);
        edges.addAll(accepted.edges());
      }
    }

    private CustodyEvent nextEvent() {
      List<ModelLot> live = model.values().stream().filter(lot -> lot.live).toList();
      int choice = live.size() < 3 ? 0 : random.nextInt(100);
      if (choice < 25) {
        return tag();
      } else if (choice < 45) {
        return split(pick(live));
      } else if (choice < 60) {
        return merge(live);
      } else if (choice < 75) {
        return process(live);
      } else if (choice < 85) {
        ModelLot lot = pick(live);
        return random.nextBoolean()
            ? events.ship(lot.id, FakeRegistry.TRADER)
            : events.transfer(lot.id, FakeRegistry.COMPTOIR);
      } else if (choice < 93) {
        ModelLot lot = pick(live);
        lot.live = false;
        lot.exported = true;
        liveTags.remove(lot.tag);
        releasedTags.add(lot.tag);
        return events.export(lot.id);
      } else {
        List<ModelLot> returning =
            model.values().stream()
                .filter(lot -> lot.exported && !liveTags.contains(lot.tag))
                .toList();
        if (returning.isEmpty()) {
          return tag();
        }
        ModelLot lot = pick(returning);
        lot.live = true;
        lot.exported = false;
        liveTags.add(lot.tag);
        return events.importLot(lot.id);
      }
    }

    private CustodyEvent tag() {
      String site = SITES.get(random.nextInt(SITES.size()));
      Mineral mineral = random.nextBoolean() ? Mineral.COLTAN : Mineral.CASSITERITE;
      ModelLot lot = newLot(freeOrReusedTag(), mineral, 1 + random.nextInt(100_000));
      taggedAt.put(lot.id, site);
      return events.tag(lot.id, lot.tag, site, mineral, lot.mass);
    }

    private CustodyEvent split(ModelLot parent) {
      consume(parent);
      int parts = (int) Math.min(1 + random.nextInt(3), parent.mass);
      long remaining = parent.mass - random.nextInt((int) Math.min(parent.mass - parts + 1, 50));
      List<NewLot> newLots = new ArrayList<>();
      for (int index = 0; index < parts; index++) {
        long mass =
            index == parts - 1 ? remaining : 1 + random.nextLong(remaining - (parts - index) + 1);
        remaining -= mass;
        String tag = index == 0 && random.nextBoolean() ? parent.tag : freeOrReusedTag();
        ModelLot part = newLot(tag, parent.mineral, mass);
        newLots.add(part(part.id, part.tag, part.mass));
      }
      return events.split(parent.id, newLots.toArray(NewLot[]::new));
    }

    private CustodyEvent merge(List<ModelLot> live) {
      Mineral mineral = pick(live).mineral;
      List<ModelLot> candidates =
          new ArrayList<>(live.stream().filter(lot -> lot.mineral == mineral).toList());
      if (candidates.size() < 2) {
        return tag();
      }
      Collections.shuffle(candidates, random);
      List<ModelLot> inputs =
          candidates.subList(0, Math.min(candidates.size(), 2 + random.nextInt(3)));
      long mass = 0;
      for (ModelLot input : inputs) {
        consume(input);
        mass += input.mass;
      }
      String tag = random.nextBoolean() ? inputs.getFirst().tag : freeOrReusedTag();
      ModelLot output = newLot(tag, mineral, Math.max(1, mass + random.nextInt(21) - 10));
      return events.merge(
          part(output.id, output.tag, output.mass),
          inputs.stream().map(lot -> lot.id).toArray(String[]::new));
    }

    private CustodyEvent process(List<ModelLot> live) {
      List<ModelLot> candidates = new ArrayList<>(live);
      Collections.shuffle(candidates, random);
      List<ModelLot> inputs =
          candidates.subList(0, 1 + random.nextInt(Math.min(3, candidates.size())));
      // Outputs first: they may not take the tag of an input, which is live until the event.
      List<ProcessOutput> outputs = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int index = 0; index < count; index++) {
        Mineral mineral = random.nextBoolean() ? Mineral.TANTALUM : Mineral.TIN;
        ModelLot lot = newLot(freeOrReusedTag(), mineral, 1 + random.nextInt(5_000));
        outputs.add(output(lot.id, lot.tag, mineral, lot.mass));
      }
      List<ProcessInput> processInputs = new ArrayList<>();
      Map<String, Long> consumed = new HashMap<>();
      for (ModelLot lot : inputs) {
        boolean whole = random.nextBoolean();
        long mass = whole ? lot.mass : 1 + random.nextLong(lot.mass);
        processInputs.add(input(lot.id, whole && random.nextBoolean() ? 0 : mass));
        consumed.put(lot.id, mass);
        if (mass == lot.mass) {
          consume(lot);
        } else {
          lot.mass -= mass;
        }
      }
      CustodyEvent event = events.process(processInputs, outputs);
      consumedByProcess.put(event.id(), consumed);
      return event;
    }

    private ModelLot newLot(String tag, Mineral mineral, long mass) {
      ModelLot lot = new ModelLot("lot-" + nextLot++, tag, mineral, mass);
      model.put(lot.id, lot);
      liveTags.add(tag);
      return lot;
    }

    private void consume(ModelLot lot) {
      lot.live = false;
      liveTags.remove(lot.tag);
    }

    private String freeOrReusedTag() {
      if (!releasedTags.isEmpty() && random.nextInt(5) == 0) {
        String tag = releasedTags.get(random.nextInt(releasedTags.size()));
        if (!liveTags.contains(tag)) {
          return tag;
        }
      }
      return "tag-" + nextTag++;
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    void checkEveryTrace(String where) {
      for (LineageEdge edge : edges) {
        incoming.computeIfAbsent(edge.toLotId(), key -> new ArrayList<>()).add(edge);
        outgoing.computeIfAbsent(edge.fromLotId(), key -> new ArrayList<>()).add(edge);
      }
      assertThat(graph.lotCount()).as(where).isEqualTo(model.size());
      assertThat(graph.edgeCount()).as(where).isEqualTo(edges.size());
      for (ModelLot modelLot : model.values()) {
        Lot lot = graph.lot(modelLot.id).orElseThrow();
        assertThat(lot.state().live()).as(where + " " + lot.id()).isEqualTo(modelLot.live);
        assertThat(lot.massGrams()).as(where + " " + lot.id()).isEqualTo(modelLot.mass);
        if (modelLot.live) {
          assertThat(graph.liveLotByTag(modelLot.tag)).as(where).contains(lot);
        }
      }
      // Trace from a sample of the lots: every lot for small histories, 40 for large ones.
      List<String> starts = new ArrayList<>(model.keySet());
      Collections.shuffle(starts, random);
      for (String start : starts.subList(0, Math.min(40, starts.size()))) {
        for (Direction direction : Direction.values()) {
          checkTrace(where + ", " + direction + " from " + start, start, direction);
        }
      }
      checkProcessAllocations(where);
    }

    private void checkTrace(String where, String start, Direction direction) {
      boolean upstream = direction == Direction.UPSTREAM;
      Map<String, List<LineageEdge>> incident = upstream ? incoming : outgoing;
      Map<String, Integer> depths = new HashMap<>();
      List<LineageEdge> crossed = new ArrayList<>();
      depths.put(start, 0);
      Queue<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        String lot = queue.remove();
        for (LineageEdge edge : incident.getOrDefault(lot, List.of())) {
          crossed.add(edge);
          String next = upstream ? edge.fromLotId() : edge.toLotId();
          if (!depths.containsKey(next)) {
            depths.put(next, depths.get(lot) + 1);
            queue.add(next);
          }
        }
      }
      Set<String> expectedEndpoints =
          depths.keySet().stream()
              .filter(lot -> !incident.containsKey(lot))
              .collect(Collectors.toSet());

      Trace trace = graph.trace(start, direction).orElseThrow();

      assertThat(trace.lots().getFirst().lot().id()).as(where).isEqualTo(start);
      assertThat(trace.lots()).as(where + ": each lot once").hasSize(depths.size());
      Map<String, Integer> actualDepths = new HashMap<>();
      List<Lot> stale = new ArrayList<>();
      for (Trace.Node node : trace.lots()) {
        actualDepths.put(node.lot().id(), node.depth());
        if (!graph.lot(node.lot().id()).orElseThrow().equals(node.lot())) {
          stale.add(node.lot());
        }
      }
      assertThat(actualDepths).as(where + ": depths").isEqualTo(depths);
      assertThat(stale).as(where + ": lots as the graph holds them").isEmpty();
      assertThat(trace.edges()).as(where + ": each edge once").hasSize(crossed.size());
      assertThat(new HashSet<>(trace.edges())).as(where).isEqualTo(new HashSet<>(crossed));
      assertThat(
              trace.endpoints().stream().map(node -> node.lot().id()).collect(Collectors.toSet()))
          .as(where + ": endpoints")
          .isEqualTo(expectedEndpoints);
      if (upstream) {
        Set<String> sites = new HashSet<>();
        for (Trace.Node endpoint : trace.endpoints()) {
          String site = taggedAt.get(endpoint.lot().id());
          assertThat(site).as(where + ": every upstream endpoint was tagged at a mine").isNotNull();
          assertThat(endpoint.lot().originSiteId()).as(where).isEqualTo(site);
          sites.add(site);
        }
        String origin = graph.lot(start).orElseThrow().originSiteId();
        assertThat(origin)
            .as(where + ": a lot has one origin exactly when all its mines are one")
            .isEqualTo(sites.size() == 1 ? sites.iterator().next() : null);
      }
    }

    private void checkProcessAllocations(String where) {
      Map<String, Map<String, Long>> shares = new HashMap<>();
      for (LineageEdge edge : edges) {
        if (edge.eventType() == EventType.PROCESS) {
          shares
              .computeIfAbsent(edge.eventId(), key -> new HashMap<>())
              .merge(edge.fromLotId(), edge.massGrams(), Long::sum);
        }
      }
      assertThat(shares).as(where).isEqualTo(consumedByProcess);
    }
  }

  private static final class ModelLot {
    final String id;
    final String tag;
    final Mineral mineral;
    long mass;
    boolean live = true;
    boolean exported;

    ModelLot(String id, String tag, Mineral mineral, long mass) {
      this.id = id;
      this.tag = tag;
      this.mineral = mineral;
      this.mass = mass;
    }
  }
}
