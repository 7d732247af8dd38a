package org.oretrace.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.registry.Actor;

/** Worlds shared by the tests, generated once per test run, and a helper to replay them. */
final class Worlds {

  private Worlds() {}

  /** 200 lots: enough for every stage to run, fast enough for every test. */
  static World small() {
    return Small.WORLD;
  }

  /** The demo's default: seed 42, 2,000 lots. */
  static World standard() {
    return Standard.WORLD;
  }

  /** Checks and applies the world's events in batches of the given size; returns the graph. */
  static CustodyGraph replay(World world, int batchSize) {
    CustodyGraph graph = new CustodyGraph();
    List<CustodyEvent> events = world.events();
    for (int from = 0; from < events.size(); from += batchSize) {
      List<CustodyEvent> batch =
          new ArrayList<>(events.subList(from, Math.min(events.size(), from + batchSize)));
      AcceptedBatch accepted = graph.check(batch, world.registry());
      graph.apply(accepted);
    }
    return graph;
  }

  /** The world's events of one type, in order. */
  static <T extends CustodyEvent> List<T> eventsOf(World world, Class<T> type) {
    return world.events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The world's events on each lot, in order, by lot id. */
  static Map<String, List<CustodyEvent>> historiesByLot(World world) {
    Map<String, List<CustodyEvent>> histories = new HashMap<>();
    for (CustodyEvent event : world.events()) {
      for (String lotId : event.lotIds()) {
        histories.computeIfAbsent(lotId, id -> new ArrayList<>()).add(event);
      }
    }
    return histories;
  }

  static Actor actor(World world, String id) {
    return world.registry().actor(id).orElseThrow();
  }

  private static final class Small {
    static final World WORLD = Scenario.greatLakes().generate(SimulationOptions.of(7, 200));
  }

  private static final class Standard {
    static final World WORLD = Scenario.greatLakes().generate(SimulationOptions.defaults());
  }
}
