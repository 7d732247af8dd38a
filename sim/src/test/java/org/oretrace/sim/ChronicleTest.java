package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;

class ChronicleTest {

  private static final long DAY = 86_400;
  private static final long MONDAY = 1_704_067_200L; // 2024-01-01T00:00Z

  private final Geography geography =
      GreatLakesAtlas.geography(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1));
  private final Chronicle chronicle = new Chronicle(geography);
  private final Actor cooperative = actor("coop-cd-bisie");
  private final Actor trader = actor("trader-cd-mubi");
  private final Actor smelter = actor("smelter-th-phuket");

  @Test
  void ordersEventsByArrivalButNeverBeforeTheirCauses() {
    long taggedArrival =
        chronicle.record(
            cooperative, MONDAY, 5 * DAY, Long.MIN_VALUE, context -> tag(context, "lot-a"));
    chronicle.record(
        cooperative, MONDAY + DAY, 0, taggedArrival, context -> ship(context, "lot-a"));
    chronicle.record(
        cooperative, MONDAY + 2 * DAY, 0, Long.MIN_VALUE, context -> tag(context, "lot-b"));

    List<CustodyEvent> events = chronicle.events();

    assertThat(events)
        .extracting(CustodyEvent::id)
        .containsExactly("ev-0000001", "ev-0000002", "ev-0000003");
    assertThat(events)
        .extracting(event -> event.lotIds().getFirst())
        .containsExactly("lot-b", "lot-a", "lot-a");
    assertThat(events.get(1)).isInstanceOf(Tag.class);
    assertThat(events.get(2)).isInstanceOf(Ship.class);
  }

  @Test
  void aTieInArrivalKeepsTheRecordingOrder() {
    chronicle.record(cooperative, MONDAY, 0, Long.MIN_VALUE, context -> tag(context, "lot-a"));
    chronicle.record(cooperative, MONDAY, 0, Long.MIN_VALUE, context -> ship(context, "lot-a"));

    assertThat(chronicle.events())
        .extracting(CustodyEvent::type)
        .extracting(Enum::name)
        .containsExactly("TAG", "SHIP");
  }

  @Test
  void eventsHappenAtTheActorsPlaceInItsLocalTime() {
    chronicle.record(smelter, MONDAY, 0, Long.MIN_VALUE, context -> tag(context, "lot-a"));

    CustodyEvent event = chronicle.events().getFirst();

    assertThat(event.context().time())
        .isEqualTo(OffsetDateTime.of(2024, 1, 1, 7, 0, 0, 0, ZoneOffset.ofHours(7)));
    assertThat(event.context().place()).isEqualTo(smelter.location());
    assertThat(event.context().actorId()).isEqualTo(smelter.id());
    assertThat(event.context().recordedBy()).isEqualTo("device:" + smelter.id());
  }

  @Test
  void handsOutLotIdsAndSerialNumbersPerSeries() {
    assertThat(chronicle.newLotId()).isEqualTo("lot-0000001");
    assertThat(chronicle.newLotId()).isEqualTo("lot-0000002");
    assertThat(chronicle.serial("ITSCI-CD")).isEqualTo("ITSCI-CD-000001");
    assertThat(chronicle.serial("ITSCI-RW")).isEqualTo("ITSCI-RW-000001");
    assertThat(chronicle.serial("ITSCI-CD")).isEqualTo("ITSCI-CD-000002");
  }

  private Tag tag(org.oretrace.core.custody.EventContext context, String lotId) {
    return new Tag(
        context, lotId, "tag-" + lotId, "site-cd-bisie", Mineral.CASSITERITE, 40_000, null);
  }

  private Ship ship(org.oretrace.core.custody.EventContext context, String lotId) {
    return new Ship(context, lotId, trader.id(), null);
  }

  private Actor actor(String id) {
    return geography.actors().stream()
        .filter(actor -> actor.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
