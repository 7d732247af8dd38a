package org.oretrace.core.detection;

import java.time.Instant;
import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Registry;

/**
 * D7 custody-gap: a lot received by an actor it was not shipped to (or received without being
 * shipped, from a holder who is not the receiver), which means hands the record does not show; and
 * a lot that reappears after more than {@link DetectionParameters#maximumSilenceDays()} without an
 * event. The first is exact; the second catches lots parked off the record.
 */
final class CustodyGapDetector implements Detector {

  private static final long DAY = 86_400;

  private final Registry registry;
  private final DetectionParameters parameters;

  CustodyGapDetector(Registry registry, DetectionParameters parameters) {
    this.registry = registry;
    this.parameters = parameters;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D7;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    if (event instanceof Receive receive) {
      checkReceiver(receive, book, alerts);
    }
    List<String> lots =
        switch (event) {
          case Tag tag -> List.of();
          case Split split -> List.of(split.lotId());
          case Merge merge -> merge.inputLotIds();
          case Process process -> process.inputs().stream().map(ProcessInput::lotId).toList();
          default -> event.lotIds();
        };
    for (String lotId : lots) {
      int row = book.row(lotId);
      if (row < 0) {
        continue;
      }
      long silentDays = (event.context().instant().getEpochSecond() - book.lastSecond(row)) / DAY;
      if (silentDays > parameters.maximumSilenceDays()) {
        alerts.add(
            Finding.of(id(), event)
                .suffix("silence")
                .event(book.lastEventId(row))
                .lot(lotId)
                .actor(book.holder(row))
                .actor(event.context().actorId())
                .country(book.countryOf(book.holder(row)))
                .figure("silentDays", Wording.figure(silentDays, 0))
                .score(0.6)
                .explain(
                    "Lot "
                        + lotId
                        + " reappeared with "
                        + Wording.actor(registry, event.context().actorId())
                        + " on "
                        + Wording.day(event.context().instant())
                        + " after "
                        + silentDays
                        + " days without any recorded event since "
                        + Wording.day(Instant.ofEpochSecond(book.lastSecond(row)))
                        + "; where it was meanwhile is not on record."));
        return;
      }
    }
  }

  private void checkReceiver(Receive receive, LotBook book, List<Alert> alerts) {
    int row = book.row(receive.lotId());
    if (row < 0) {
      return;
    }
    String receiver = receive.context().actorId();
    String consignee = book.consignee(row);
    String holder = book.holder(row);
    String sentence;
    if (consignee != null) {
      if (consignee.equals(receiver)) {
        return;
      }
      sentence =
          "Lot "
              + receive.lotId()
              + " (tag "
              + book.tag(row)
              + ") was shipped by "
              + Wording.actor(registry, holder)
              + " to "
              + Wording.actor(registry, consignee)
              + " but received by "
              + Wording.actor(registry, receiver)
              + " on "
              + Wording.day(receive.context().instant())
              + ": it passed through hands the shipment did not name.";
    } else {
      if (holder.equals(receiver)) {
        return;
      }
      sentence =
          "Lot "
              + receive.lotId()
              + " (tag "
              + book.tag(row)
              + ") was received by "
              + Wording.actor(registry, receiver)
              + " on "
              + Wording.day(receive.context().instant())
              + " without any shipment from its holder "
              + Wording.actor(registry, holder)
              + ": the hand-over is not on record.";
    }
    alerts.add(
        Finding.of(id(), receive)
            .event(book.lastEventId(row))
            .lot(receive.lotId())
            .actor(holder)
            .actor(consignee)
            .actor(receiver)
            .site(book.origin(row))
            .country(book.countryOf(receiver))
            .score(0.85)
            .explain(sentence));
  }
}
