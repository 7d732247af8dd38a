package org.oretrace.core.field;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.registry.Mineral;

class DeviceBindingTest {

  private static final Device TABLET =
      new Device(
          "tablet-7",
          "COOP-1",
          List.of("CD-NK-001", "CD-NK-002"),
          DeviceKey.generate().publicKey(),
          Instant.parse("2025-01-01T00:00:00Z"),
          null);

  @Test
  void acceptsEventsOfItsActorAtItsSites() {
    assertThatCode(
            () ->
                DeviceBinding.check(
                    TABLET, List.of(tag("e1", "COOP-1", "tablet-7", "CD-NK-002"), ship("COOP-1"))))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnotherActorAnotherSiteAndAnotherRecorderNamingEachEvent() {
    assertThatThrownBy(
            () ->
                DeviceBinding.check(
                    TABLET,
                    List.of(
                        tag("e1", "COOP-1", "tablet-7", "CD-SK-010"),
                        ship("TRADER-1"),
                        tag("e3", "COOP-1", "phone-2", "CD-NK-001"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            invalid ->
                org.assertj.core.api.Assertions.assertThat(invalid.violations())
                    .extracting(violation -> violation.item() + ":" + violation.field())
                    .containsExactly("0:site", "1:actor", "2:recordedBy"));
  }

  private static EventContext context(String id, String actor, String recordedBy) {
    return new EventContext(
        id,
        OffsetDateTime.parse("2025-03-01T08:00:00+02:00"),
        new GeoPoint(-1.6, 28.95),
        actor,
        recordedBy);
  }

  private static CustodyEvent tag(String id, String actor, String recordedBy, String site) {
    return new Tag(
        context(id, actor, recordedBy), "LOT-" + id, "TAG-" + id, site, Mineral.COLTAN, 1000, null);
  }

  private static CustodyEvent ship(String actor) {
    return new Ship(context("e-ship", actor, "tablet-7"), "LOT-e1", "TRADER-1", null);
  }
}
