package org.oretrace.core.detection;

import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.time.Instant;
import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Registry;

/**
 * D4 tag-reuse: remembers which lot last carried each tag number. A new lot (tagged, split off,
 * merged or processed) whose tag number was carried by another lot that is not among the event's
 * own inputs reuses a tag: one tag for two bags. The structural rules already refuse a tag on two
 * live lots at once, so what reaches detection is a tag put back into use after its lot was
 * consumed or exported, or recorded late enough to slip past. Passing a tag on to a part or a
 * merged lot, as the ICGLR procedure allows, is not reuse.
 */
final class TagReuseDetector implements Detector {

  private final Registry registry;
  private final Object2ObjectOpenHashMap<String, String> lastCarrier =
      new Object2ObjectOpenHashMap<>();

  TagReuseDetector(Registry registry) {
    this.registry = registry;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D4;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    switch (event) {
      case Tag tag ->
          check(event, tag.lotId(), tag.tagNumber(), tag.siteId(), List.of(), book, alerts);
      case Split split -> {
        for (NewLot part : split.parts()) {
          check(event, part.lotId(), part.tagNumber(), null, List.of(split.lotId()), book, alerts);
        }
      }
      case Merge merge ->
          check(
              event,
              merge.output().lotId(),
              merge.output().tagNumber(),
              null,
              merge.inputLotIds(),
              book,
              alerts);
      case Process process -> {
        List<String> inputs = process.inputs().stream().map(ProcessInput::lotId).toList();
        for (ProcessOutput output : process.outputs()) {
          check(event, output.lotId(), output.tagNumber(), null, inputs, book, alerts);
        }
      }
      default -> {}
    }
  }

  private void check(
      CustodyEvent event,
      String lotId,
      String tagNumber,
      String siteId,
      List<String> inputs,
      LotBook book,
      List<Alert> alerts) {
    String previous = lastCarrier.put(tagNumber, lotId);
    if (previous == null || previous.equals(lotId) || inputs.contains(previous)) {
      return;
    }
    int row = book.row(previous);
    String previousOrigin = row < 0 ? null : book.origin(row);
    String lastSeen =
        row < 0
            ? ""
            : ", last recorded on " + Wording.day(Instant.ofEpochSecond(book.lastSecond(row)));
    alerts.add(
        Finding.of(id(), event)
            .event(row < 0 ? null : book.lastEventId(row))
            .lot(lotId)
            .lot(previous)
            .actor(event.context().actorId())
            .actor(row < 0 ? null : book.holder(row))
            .site(siteId)
            .site(previousOrigin)
            .country(book.countryOf(event.context().actorId()))
            .score(0.9)
            .explain(
                "Tag "
                    + tagNumber
                    + " was put on lot "
                    + lotId
                    + " by "
                    + Wording.actor(registry, event.context().actorId())
                    + (siteId == null ? "" : " at " + Wording.site(registry, siteId))
                    + " on "
                    + Wording.day(event.context().instant())
                    + ", but it already identified lot "
                    + previous
                    + (previousOrigin == null
                        ? ""
                        : " from " + Wording.site(registry, previousOrigin))
                    + lastSeen
                    + ": one tag, two bags."));
  }
}
