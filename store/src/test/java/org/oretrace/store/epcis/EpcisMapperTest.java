package org.oretrace.store.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.store.Fixtures;

class EpcisMapperTest {

  private static final Registry REGISTRY =
      new Registry() {
        @Override
        public Optional<Site> site(String id) {
          return Fixtures.sites().stream().filter(site -> site.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Actor> actor(String id) {
          return Fixtures.actors().stream().filter(actor -> actor.id().equals(id)).findFirst();
        }
      };

  /** Every lot is known, as if the custody record held it: mapping is tested, not the rules. */
  private static Optional<Lot> anyLot(String id) {
    Instant now = Instant.parse("2025-03-01T00:00:00Z");
    return Optional.of(
        new Lot(id, id, Mineral.COLTAN, 10_000, null, null, "coop-1", LotState.HELD, now, now));
  }

  @Test
  void mapsEveryNativeEventTypeToEpcisAndBackUnchanged() {
    List<CustodyEvent> events = everyType();

    for (CustodyEvent event : events) {
      ObjectNode epcis = EpcisMapper.toEpcis(event);
      List<Violation> violations = new ArrayList<>();
      List<CustodyEvent> back =
          new EpcisMapper(REGISTRY, EpcisMapperTest::anyLot, EpcisMapper.context(), "nobody")
              .toCustody(epcis, 0, violations);

      assertThat(violations).as(epcis.toString()).isEmpty();
      assertThat(back).as(epcis.toString()).containsExactly(event);
    }
  }

  @Test
  void writesEventsTheGs1SchemaNamesAndIndexesTheirIdentifiers() {
    for (CustodyEvent event : everyType()) {
      ObjectNode epcis = EpcisMapper.toEpcis(event);
      EpcisRecord record =
          EpcisRecord.of(epcis, EpcisMapper.context(), Instant.now(), List.of(event.id()), null);

      assertThat(record.eventId()).isEqualTo(EpcisMapper.eventUri(event.id()));
      assertThat(record.eventType()).isIn("ObjectEvent", "AggregationEvent", "TransformationEvent");
      assertThat(record.epcs()).isNotEmpty();
      assertThat(epcis.get("eventTime").asText()).endsWith("+02:00");
    }
  }

  @Test
  void leavesEventsWithoutCustodyMeaningUnmapped() {
    ObjectNode retail = EpcisMapper.toEpcis(everyType().get(2)).put("bizStep", "retail_selling");
    List<Violation> violations = new ArrayList<>();

    List<CustodyEvent> mapped =
        new EpcisMapper(REGISTRY, id -> Optional.empty(), EpcisMapper.context(), "nobody")
            .toCustody(retail, 0, violations);

    assertThat(mapped).isEmpty();
    assertThat(violations).isEmpty();
  }

  @Test
  void namesTheFieldWhenAnEventCannotBePlacedOrAttributed() {
    ObjectNode shipping = EpcisMapper.toEpcis(everyType().get(2));
    shipping.remove("ot:actor");
    shipping.remove("readPoint");
    List<Violation> violations = new ArrayList<>();

    List<CustodyEvent> mapped =
        new EpcisMapper(REGISTRY, EpcisMapperTest::anyLot, EpcisMapper.context(), "nobody")
            .toCustody(shipping, 3, violations);

    assertThat(mapped).isEmpty();
    assertThat(violations)
        .extracting(Violation::item, Violation::field)
        .contains(
            org.assertj.core.groups.Tuple.tuple(3, "ot:actor"),
            org.assertj.core.groups.Tuple.tuple(3, "readPoint"));
  }

  private static List<CustodyEvent> everyType() {
    OffsetDateTime time = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(2));
    GeoPoint place = Fixtures.RUBAYA;
    EventContext context = new EventContext("e-1", time, place, "coop-1", "tablet-7");
    Grade grade = Grade.ofPercent("31.25");
    return List.of(
        new Tag(context, "lot-1", "ITSCI-1", "site-rubaya", Mineral.COLTAN, 40_000, grade),
        new Transfer(withId(context, "e-2"), "lot-1", "trader-goma"),
        new Ship(withId(context, "e-3"), "lot-1", "trader-goma", "coop-1"),
        new Receive(withId(context, "e-4"), "lot-1", 39_900),
        new Receive(withId(context, "e-4b"), "lot-1", 0),
        new Split(
            withId(context, "e-5"),
            "lot-1",
            List.of(new NewLot("lot-2", "ITSCI-2", 20_000), new NewLot("lot-3", "lot-3", 19_900))),
        new Merge(
            withId(context, "e-6"), List.of("lot-2", "lot-3"), new NewLot("lot-4", "M-4", 39_900)),
        new Process(
            withId(context, "e-7"),
            List.of(new ProcessInput("lot-4", 0), new ProcessInput("lot-9", 1_500)),
            List.of(new ProcessOutput("lot-5", "TA-5", Mineral.TANTALUM, 12_000, null))),
        new Assay(withId(context, "e-8"), "lot-5", grade, "Alfred H Knight", "fp-77"),
        new Export(withId(context, "e-9"), "lot-5", "CD-EXP-1", Country.of("RW"), 12_000),
        new Import(withId(context, "e-10"), "lot-5", "RW-IMP-1", Country.of("CD"), 0));
  }

  private static EventContext withId(EventContext context, String id) {
    return new EventContext(
        id, context.time(), context.place(), context.actorId(), context.recordedBy());
  }
}
