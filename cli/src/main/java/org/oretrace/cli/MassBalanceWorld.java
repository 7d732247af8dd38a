package org.oretrace.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.detection.BalanceProjection;
import org.oretrace.core.registry.Mineral;
import org.oretrace.sim.World;

/**
 * A synthetic custody record for the mass-balance comparison, generated as custody events and
 * booked by the product's own {@link BalanceProjection} (the code that serves {@code GET
 * /api/v1/balance}), whose columns both sides then sum. Fifty million events through the simulator
 * and the Recorder would take hours; what is compared is the balance, not capture, so the events
 * skip the store but not the projection.
 *
 * <p>Shaped like a national record over four years, in time order: one actor per 2,500 events
 * (20,000 at fifty million), each trading mostly one mineral and selling to actors of the same
 * mineral; 30% tags of new lots (a kilogram to two tonnes), 40% transfers of a live lot from its
 * holder to a buyer, 10% receipts of a live lot by a buyer who weighs it half a percent lighter (a
 * shipment by the holder and a receipt by the buyer), 10% splits of a live lot into one part 2%
 * lighter (a loss in the holder's books), 10% exports of a live lot. That gives about a million
 * (actor, mineral, month) books at fifty million events, the size DESIGN.md measures DuckDB at. The
 * projection keeps what it needs of every lot (about 15 million at fifty million events): give the
 * JVM a few gigabytes.
 */
final class MassBalanceWorld {

  private static final long START_MILLIS = Instant.parse("2022-01-01T00:00:00Z").toEpochMilli();
  private static final long SPAN_MILLIS =
      Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() - START_MILLIS;
  private static final int EVENTS_PER_ACTOR = 2_500;
  private static final int CHUNK = 10_000;
  private static final GeoPoint PLACE = new GeoPoint(-1.68, 29.22);
  private static final Country DESTINATION = new Country("AE");

  private MassBalanceWorld() {}

  /** Generates the record and books it into a new projection; returns the projection. */
  static BalanceProjection generate(int events, long seed, int threads, LongConsumer progress) {
    BalanceProjection projection =
        BalanceProjection.create(new World(List.of(), List.of(), List.of()).registry(), threads);
    new Generator(events, seed).run(projection, progress);
    return projection;
  }

  /** The record's live lots (holder, mineral, mass) and the next numbers to give out. */
  private static final class Generator {
    private final int events;
    private final SplittableRandom random;
    private final Mineral[] minerals = Mineral.values();
    private final int actors;
    private int[] liveLots = new int[1024];
    private int liveCount;
    private int[] holders = new int[1024];
    private byte[] lotMinerals = new byte[1024];
    private long[] masses = new long[1024];
    private int lots;

    Generator(int events, long seed) {
      this.events = events;
      this.random = new SplittableRandom(seed);
      this.actors = Math.max(2 * minerals.length, events / EVENTS_PER_ACTOR);
    }

    void run(BalanceProjection projection, LongConsumer progress) {
      double step = (double) SPAN_MILLIS / Math.max(1, events);
      List<CustodyEvent> chunk = new ArrayList<>(CHUNK);
      for (int event = 0; event < events; event++) {
        long time = START_MILLIS + (long) (event * step);
        chunk.add(next(event, time));
        if (chunk.size() == CHUNK) {
          projection.accept(chunk);
          chunk.clear();
        }
        if ((event & 0xfffff) == 0) {
          progress.accept(event);
        }
      }
      projection.accept(chunk);
      progress.accept(events);
    }

    private CustodyEvent next(int event, long time) {
      int draw = random.nextInt(10);
      if (draw < 3 || liveCount == 0) {
        int actor = random.nextInt(actors);
        Mineral mineral =
            random.nextInt(20) == 0
                ? minerals[random.nextInt(minerals.length)]
                : minerals[actor % minerals.length];
        long mass = 1_000 + random.nextLong(2_000_000);
        int lot = newLot(actor, mineral, mass);
        return new Tag(
            context(event, time, actor), lotId(lot), "T" + lot, "S" + actor, mineral, mass, null);
      }
      int index = random.nextInt(liveCount);
      int lot = liveLots[index];
      int holder = holders[lot];
      EventContext context = context(event, time, holder);
      if (draw < 8) {
        // A buyer among the actors whose main mineral this is.
        int mineral = lotMinerals[lot];
        int buyer = random.nextInt(actors / minerals.length) * minerals.length + mineral;
        holders[lot] = buyer;
        if (draw < 7) {
          return new Transfer(context, lotId(lot), "A" + buyer);
        }
        // The buyer weighs the lot on receipt, a little lighter: a shipment and a receipt.
        masses[lot] -= masses[lot] / 200 + 1;
        return new Receive(context(event, time, buyer), lotId(lot), masses[lot]);
      }
      liveLots[index] = liveLots[--liveCount];
      if (draw < 9) {
        long part = masses[lot] - masses[lot] / 50 - 1;
        int child = newLot(holder, minerals[lotMinerals[lot]], part);
        return new Split(context, lotId(lot), List.of(new NewLot(lotId(child), "T" + child, part)));
      }
      return new Export(context, lotId(lot), "D" + event, DESTINATION, 0);
    }

    private int newLot(int holder, Mineral mineral, long mass) {
      int lot = lots++;
      if (lot == holders.length) {
        int capacity = lot + (lot >> 1);
        holders = Arrays.copyOf(holders, capacity);
        lotMinerals = Arrays.copyOf(lotMinerals, capacity);
        masses = Arrays.copyOf(masses, capacity);
      }
      holders[lot] = holder;
      lotMinerals[lot] = (byte) mineral.ordinal();
      masses[lot] = mass;
      if (liveCount == liveLots.length) {
        liveLots = Arrays.copyOf(liveLots, liveCount + (liveCount >> 1));
      }
      liveLots[liveCount++] = lot;
      return lot;
    }

    private static String lotId(int lot) {
      return "L" + lot;
    }

    private static EventContext context(int event, long time, int actor) {
      return new EventContext(
          "E" + event,
          OffsetDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.UTC),
          PLACE,
          "A" + actor,
          "bench");
    }
  }
}
