package org.oretrace.server;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.Detection;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;

/**
 * A SQLite store holding a simulated Great Lakes world with planted schemes and detection attached.
 * {@link #demo()} is the world {@code oretrace demo} loads, trade statistics included; {@link
 * #load} a smaller one with the simulator's default schemes and no statistics.
 */
public final class DemoWorld {

  private static final int BATCH_SIZE = 1_000;

  /**
   * D10 schemes per 1,000 lots in the demo's world, as {@code DemoCommand.MIRROR_TRADE_RATE} (the
   * simulator's default is 0.3): seed 42 then plants mirror trade in the DRC and Burundi.
   */
  public static final double MIRROR_TRADE_RATE = 1.0;

  private DemoWorld() {}

  /**
   * The world of {@code oretrace demo}: seed 42, 2,000 lots, mirror-trade schemes at {@link
   * #MIRROR_TRADE_RATE}, and the world's national trade statistics imported, so that D10 has judged
   * them as in the demo.
   */
  public static Store demo() {
    World world =
        Scenario.greatLakes()
            .generate(
                SimulationOptions.of(42, 2_000)
                    .withSchemes(SchemeRates.defaults().with(DetectorId.D10, MIRROR_TRADE_RATE)));
    Store store = TestStores.open();
    Recorder recorder = record(world, store);
    NationalTrade.attach(recorder).importStatistics(world.tradeStatistics());
    return store;
  }

  /** The simulated world itself (the same arguments give the same world), e.g. its statistics. */
  public static World world(long seed, int lots) {
    return Scenario.greatLakes()
        .generate(SimulationOptions.of(seed, lots).withSchemes(SchemeRates.defaults()));
  }

  public static Store load(long seed, int lots) {
    Store store = TestStores.open();
    record(world(seed, lots), store);
    return store;
  }

  private static Recorder record(World world, Store store) {
    store.registry().putSites(world.sites());
    store.registry().putActors(world.actors());
    Recorder recorder = Recorder.open(store);
    Detection.attach(recorder);
    List<CustodyEvent> events = world.events();
    for (int start = 0; start < events.size(); start += BATCH_SIZE) {
      recorder.record(events.subList(start, Math.min(events.size(), start + BATCH_SIZE)));
    }
    return recorder;
  }
}
