package org.oretrace.core.detection;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * D5 mass-gain: a lot weighed on receipt (or declared on import) heavier than it was when it left,
 * by more than the mineral's {@link DetectionParameters.MineralLimits#transitGainFraction()}. Ore
 * loses moisture on the road, gold and metal have none to lose or gain, and scales disagree by a
 * fraction of a percent, so an honest lot arrives a little lighter or the same; a heavier one was
 * topped up with untagged material. The sentence gives the reason that holds for the mineral.
 */
final class MassGainDetector implements Detector {

  private final Registry registry;
  private final DetectionParameters parameters;

  MassGainDetector(Registry registry, DetectionParameters parameters) {
    this.registry = registry;
    this.parameters = parameters;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D5;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    String lotId;
    long weighed;
    switch (event) {
      case Receive receive -> {
        lotId = receive.lotId();
        weighed = receive.massGrams();
      }
      case Import anImport -> {
        lotId = anImport.lotId();
        weighed = anImport.massGrams();
      }
      default -> {
        return;
      }
    }
    int row = book.row(lotId);
    if (row < 0 || weighed <= 0 || book.mass(row) <= 0) {
      return;
    }
    long before = book.mass(row);
    long gain = weighed - before;
    double share = gain / (double) before;
    double tolerance = parameters.limits(book.mineral(row)).transitGainFraction();
    if (share <= tolerance) {
      return;
    }
    String receiver = event.context().actorId();
    alerts.add(
        Finding.of(id(), event)
            .event(book.lastEventId(row))
            .lot(lotId)
            .actor(book.holder(row))
            .actor(receiver)
            .site(book.origin(row))
            .country(book.countryOf(receiver))
            .figure("dispatchedKilograms", Wording.figure(before / 1000.0, 1))
            .figure("receivedKilograms", Wording.figure(weighed / 1000.0, 1))
            .figure("gainShare", Wording.figure(share, 4))
            .score(0.6 + 0.4 * Math.min(1, (share - tolerance) / 0.05))
            .explain(
                "Lot "
                    + lotId
                    + " (tag "
                    + book.tag(row)
                    + ", "
                    + book.mineral(row).wireName()
                    + ") left "
                    + Wording.actor(registry, book.holder(row))
                    + " weighing "
                    + Wording.mass(before)
                    + " and was weighed at "
                    + Wording.mass(weighed)
                    + " by "
                    + Wording.actor(registry, receiver)
                    + " on "
                    + Wording.day(event.context().instant())
                    + ": "
                    + Wording.mass(gain)
                    + " ("
                    + Wording.decimal(share * 100, 1)
                    + " %) heavier, where "
                    + whyNoGain(book.mineral(row))
                    + "; untagged material may have been mixed in."));
  }

  /** Why an honest lot of the mineral does not arrive heavier, as the sentence says it. */
  static String whyNoGain(Mineral mineral) {
    if (mineral == Mineral.GOLD) {
      return "gold has no moisture to lose or gain on the way and balances agree to a fraction of a"
          + " percent";
    }
    if (!mineral.mined()) {
      return "metal neither dries nor grows and scales agree to a fraction of a percent";
    }
    return "ore only dries on the road";
  }
}
