package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Grade;
import org.oretrace.core.registry.Mineral;

class LotTableTest {

  private static final Instant MORNING = Instant.parse("2025-03-01T08:00:00Z");

  private final LotTable table = new LotTable();

  @Test
  void givesRowsInInsertionOrderAndKeepsThem() {
    assertThat(table.put(lot("A", "TA", LotState.HELD))).isZero();
    assertThat(table.put(lot("B", "TB", LotState.HELD))).isEqualTo(1);
    assertThat(table.put(lot("A", "TA", LotState.IN_TRANSIT))).isZero();

    assertThat(table.size()).isEqualTo(2);
    assertThat(table.row("B")).isEqualTo(1);
    assertThat(table.row("C")).isEqualTo(-1);
    assertThat(table.id(1)).isEqualTo("B");
    assertThat(table.lot(0).state()).isEqualTo(LotState.IN_TRANSIT);
  }

  @Test
  void everyLotReadsBackAsItWasPut() {
    Random random = new Random(11);
    List<Lot> lots = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Lot lot = randomLot(random, "L" + i);
      lots.add(lot);
      assertThat(table.lot(table.put(lot))).isEqualTo(lot);
    }
    for (int i = 0; i < lots.size(); i++) {
      assertThat(table.lot(table.row("L" + i))).isEqualTo(lots.get(i));
    }
  }

  @Test
  void mapsATagToItsLiveLotOnly() {
    int row = table.put(lot("A", "T1", LotState.HELD));
    assertThat(table.liveRowByTag("T1")).isEqualTo(row);

    table.put(lot("A", "T1", LotState.IN_TRANSIT));
    assertThat(table.liveRowByTag("T1")).isEqualTo(row);

    table.put(lot("A", "T1", LotState.EXPORTED));
    assertThat(table.liveRowByTag("T1")).isEqualTo(-1);

    int reuse = table.put(lot("B", "T1", LotState.HELD));
    assertThat(table.liveRowByTag("T1")).isEqualTo(reuse);

    table.put(lot("B", "T1", LotState.CONSUMED));
    assertThat(table.liveRowByTag("T1")).isEqualTo(-1);
  }

  @Test
  void aConsumedLotDoesNotTakeTheTagFromItsLiveSuccessor() {
    int part = table.put(lot("P", "T1", LotState.HELD));
    table.put(lot("A", "T1", LotState.CONSUMED));

    assertThat(table.liveRowByTag("T1")).isEqualTo(part);

    table.put(lot("A", "T1", LotState.CONSUMED));
    assertThat(table.liveRowByTag("T1")).isEqualTo(part);
  }

  @Test
  void aLiveLotThatChangesItsTagFreesTheOldOne() {
    int row = table.put(lot("A", "T1", LotState.HELD));
    table.put(lot("A", "T2", LotState.IN_TRANSIT));

    assertThat(table.liveRowByTag("T1")).isEqualTo(-1);
    assertThat(table.liveRowByTag("T2")).isEqualTo(row);
  }

  @Test
  void updatesOfLiveLotsSharingATagKeepEveryOneOfThem() {
    // Only an import makes two live lots share a tag; updating either keeps both listed.
    int first = table.put(lot("A", "T1", LotState.HELD));
    int second = table.put(lot("B", "T1", LotState.HELD));
    table.put(lot("A", "T1", LotState.IN_TRANSIT));
    table.put(lot("B", "T1", LotState.IN_TRANSIT));

    assertThat(table.liveRowsByTag("T1").toIntArray()).containsExactlyInAnyOrder(first, second);

    table.put(lot("A", "T1", LotState.CONSUMED));
    assertThat(table.liveRowsByTag("T1").toIntArray()).containsExactly(second);
    table.put(lot("B", "T1", LotState.HELD));
    assertThat(table.liveRowByTag("T1")).isEqualTo(second);
  }

  private static Lot lot(String id, String tag, LotState state) {
    return new Lot(id, tag, Mineral.COLTAN, 1_000, null, "site", "actor", state, MORNING, MORNING);
  }

  private static Lot randomLot(Random random, String id) {
    Mineral[] minerals = Mineral.values();
    LotState[] states = LotState.values();
    Instant created = MORNING.plusNanos(random.nextLong(1_000_000_000_000_000L));
    return new Lot(
        id,
        "T" + random.nextInt(1_000_000),
        minerals[random.nextInt(minerals.length)],
        random.nextLong(Long.MAX_VALUE),
        random.nextBoolean() ? null : new Grade(random.nextLong(Grade.MILLION + 1)),
        random.nextBoolean() ? null : "site-" + random.nextInt(50),
        "actor-" + random.nextInt(200),
        states[random.nextInt(states.length)],
        created,
        created.plusNanos(random.nextLong(1_000_000_000_000L)));
  }
}
