package org.oretrace.core.custody;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
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
import org.oretrace.core.registry.Mineral;

/**
 * Builds custody events for tests with fresh event ids and a clock that advances one hour an event,
 * so that a test states only the facts it is about.
 */
final class EventFactory {

  static final GeoPoint GOMA = new GeoPoint(-1.6792, 29.2228);

  private OffsetDateTime clock = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(2));
  private int nextEvent = 1;
  private String actor = FakeRegistry.COOPERATIVE;

  /** The actor of the events built from now on. */
  EventFactory by(String actorId) {
    this.actor = actorId;
    return this;
  }

  EventContext context() {
    return context("event-" + nextEvent++);
  }

  EventContext context(String eventId) {
    clock = clock.plus(Duration.ofHours(1));
    return new EventContext(eventId, clock, GOMA, actor, "device-1");
  }

  Tag tag(String lotId, String tagNumber, long grams) {
    return tag(lotId, tagNumber, FakeRegistry.RUBAYA, Mineral.COLTAN, grams);
  }

  Tag tag(String lotId, String tagNumber, String siteId, Mineral mineral, long grams) {
    return new Tag(context(), lotId, tagNumber, siteId, mineral, grams, Grade.ofPercent("30"));
  }

  Transfer transfer(String lotId, String toActorId) {
    return new Transfer(context(), lotId, toActorId);
  }

  Ship ship(String lotId, String consigneeId) {
    return new Ship(context(), lotId, consigneeId, FakeRegistry.TRANSPORTER);
  }

  Receive receive(String lotId, long grams) {
    return new Receive(context(), lotId, grams);
  }

  Split split(String lotId, NewLot... parts) {
    return new Split(context(), lotId, Arrays.asList(parts));
  }

  Merge merge(NewLot output, String... inputLotIds) {
    return new Merge(context(), Arrays.asList(inputLotIds), output);
  }

  Process process(List<ProcessInput> inputs, List<ProcessOutput> outputs) {
    return new Process(context(), inputs, outputs);
  }

  Assay assay(String lotId, String percent) {
    return new Assay(context(), lotId, Grade.ofPercent(percent), "lab-alfred-h-knight", null);
  }

  Export export(String lotId) {
    return new Export(context(), lotId, "CD-EXP-" + lotId, Country.of("RW"), 0);
  }

  Import importLot(String lotId) {
    return new Import(context(), lotId, "RW-IMP-" + lotId, Country.of("CD"), 0);
  }

  static NewLot part(String lotId, String tagNumber, long grams) {
    return new NewLot(lotId, tagNumber, grams);
  }

  static ProcessInput input(String lotId, long grams) {
    return new ProcessInput(lotId, grams);
  }

  static ProcessOutput output(String lotId, String tagNumber, Mineral mineral, long grams) {
    return new ProcessOutput(lotId, tagNumber, mineral, grams, null);
  }
}
