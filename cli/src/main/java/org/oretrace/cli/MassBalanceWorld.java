package org.oretrace.cli;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.oretrace.core.balance.CustodyColumns;
import org.oretrace.core.balance.Movement;
import org.oretrace.core.registry.Mineral;

/**
 * A synthetic custody record for the mass-balance comparison, generated straight into columns
 * (fifty million events through the simulator and the Recorder would take hours; what is compared
 * is the balance, not capture). Shaped like a national record over four years, in time order: one
 * actor per 2,500 events (20,000 at fifty million), each trading mostly one mineral and selling to
 * actors of the same mineral; 30% tags, 50% transfers, 10% losses, 10% exports; masses from a
 * kilogram to two tonnes. That gives about a million (actor, mineral, month) books at fifty million
 * events, the size DESIGN.md measures DuckDB at.
 */
final class MassBalanceWorld {

  private static final long START_MILLIS = Instant.parse("2022-01-01T00:00:00Z").toEpochMilli();
  private static final long SPAN_MILLIS =
      Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() - START_MILLIS;
  private static final int EVENTS_PER_ACTOR = 2_500;

  private MassBalanceWorld() {}

  static CustodyColumns generate(int events, long seed, LongConsumer progress) {
    SplittableRandom random = new SplittableRandom(seed);
    Mineral[] minerals = Mineral.values();
    int mineralCount = minerals.length;
    int actors = Math.max(2 * mineralCount, events / EVENTS_PER_ACTOR);
    CustodyColumns columns = new CustodyColumns(events);
    double step = (double) SPAN_MILLIS / events;
    for (int event = 0; event < events; event++) {
      long time = START_MILLIS + (long) (event * step);
      int actor = random.nextInt(actors);
      Mineral mineral =
          random.nextInt(20) == 0
              ? minerals[random.nextInt(mineralCount)]
              : minerals[actor % mineralCount];
      long mass = 1_000 + random.nextLong(2_000_000);
      int draw = random.nextInt(10);
      if (draw < 3) {
        columns.append(time, Movement.TAG, actor, -1, mineral, mass);
      } else if (draw < 8) {
        // A buyer among the actors whose main mineral this is.
        int buyer = random.nextInt(actors / mineralCount) * mineralCount + mineral.ordinal();
        columns.append(time, Movement.TRANSFER, actor, buyer, mineral, mass);
      } else if (draw < 9) {
        columns.append(time, Movement.LOSS, actor, -1, mineral, mass / 50 + 1);
      } else {
        columns.append(time, Movement.EXPORT, actor, -1, mineral, mass);
      }
      if ((event & 0xfffff) == 0) {
        progress.accept(event);
      }
    }
    progress.accept(events);
    return columns;
  }
}
