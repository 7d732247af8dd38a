package org.oretrace.server;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.Detection;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;

/**
 * A SQLite store holding a simulated Great Lakes world with the default planted schemes and
 * detection attached, as {@code oretrace demo} loads it.
 */
public final class DemoWorld {

  private static final int BATCH_SIZE = 1_000;

  private DemoWorld() {}

  /** The world of {@code oretrace demo}: seed 42, 2,000 lots. */
  public static Store demo() {
    return load(42, 2_000);
  }

  /** The simulated world itself (the same arguments give the same world), e.g. its statistics. */
  public static World world(long seed, int lots) {
    return Scenario.greatLakes()
        .generate(SimulationOptions.of(seed, lots).withSchemes(SchemeRates.defaults()));
  }

  public static Store load(long seed, int lots) {
    World world = world(seed, lots);
    Store store = TestStores.open();
    store.registry().putSites(world.sites());
    store.registry().putActors(world.actors());
    Recorder recorder = Recorder.open(store);
    Detection.attach(recorder);
    List<CustodyEvent> events = world.events();
    for (int start = 0; start < events.size(); start += BATCH_SIZE) {
      recorder.record(events.subList(start, Math.min(events.size(), start + BATCH_SIZE)));
    }
    return store;
  }
}
