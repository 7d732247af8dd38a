package org.oretrace.core.detection;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * D6 grade-drift: an assay compared with the grade the lot's record carries. That grade comes from
 * its origin: the field estimate at the pit, mass-weighted through merges, replaced by a
 * processor's declared output grade and by every earlier assay. Two laboratories disagree by a few
 * tenths of a point and pit estimates are rounded to the point, so an assay more than the mineral's
 * {@link DetectionParameters.MineralLimits#gradeDeviationPartsPerMillion()} away means the material
 * in the bag is not the material the record describes: substitution. The sentence states grades as
 * the trade does: gold by fineness in parts per thousand, the others in percent of their
 * constituent.
 */
final class GradeDriftDetector implements Detector {

  private final Registry registry;
  private final DetectionParameters parameters;

  GradeDriftDetector(Registry registry, DetectionParameters parameters) {
    this.registry = registry;
    this.parameters = parameters;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D6;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    if (!(event instanceof Assay assay)) {
      return;
    }
    int row = book.row(assay.lotId());
    if (row < 0 || book.grade(row) == LotBook.UNKNOWN_GRADE) {
      return;
    }
    long expected = book.grade(row);
    long measured = assay.grade().partsPerMillion();
    long difference = Math.abs(measured - expected);
    long limit = parameters.limits(book.mineral(row)).gradeDeviationPartsPerMillion();
    if (difference <= limit) {
      return;
    }
    String origin = book.origin(row);
    Mineral mineral = book.mineral(row);
    alerts.add(
        Finding.of(id(), assay)
            .event(book.lastEventId(row))
            .lot(assay.lotId())
            .actor(assay.context().actorId())
            .site(origin)
            .country(book.countryOf(assay.context().actorId()))
            .figure("expectedPercent", Wording.figure(expected / 10_000.0, 2))
            .figure("assayedPercent", Wording.figure(measured / 10_000.0, 2))
            .figure("differencePoints", Wording.figure(difference / 10_000.0, 2))
            .score(0.6 + 0.4 * Math.min(1, (difference - limit) / (double) (2 * limit + 1)))
            .explain(
                "Lot "
                    + assay.lotId()
                    + " ("
                    + mineral.wireName()
                    + (origin == null
                        ? ", mixed from several sites"
                        : " from " + Wording.site(registry, origin))
                    + ") assayed "
                    + Wording.grade(mineral, measured)
                    + " at "
                    + assay.laboratory()
                    + " on "
                    + Wording.day(assay.context().instant())
                    + ", but its record carries "
                    + Wording.grade(mineral, expected)
                    + ": "
                    + Wording.gradeDifference(mineral, difference)
                    + " apart, where "
                    + (mineral == Mineral.GOLD
                        ? "fire assays agree within "
                        : "laboratories agree within ")
                    + Wording.gradeDifference(mineral, limit)
                    + "; the "
                    + Wording.material(mineral)
                    + " may have been substituted."));
  }
}
