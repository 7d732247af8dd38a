package org.oretrace.core.detection;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.registry.Registry;

/**
 * D11 round-tripping: a lot that has crossed at least two borders (exported, imported, exported
 * again) and is then declared on import as originating in a country other than the one it was first
 * exported from. Transit is legal; changing the declared origin on the way is how one country's ore
 * becomes a neighbour's production. A lot re-exported under its true origin raises nothing.
 */
final class RoundTripDetector implements Detector {

  private final Registry registry;

  RoundTripDetector(Registry registry) {
    this.registry = registry;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D11;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    if (!(event instanceof Import anImport)) {
      return;
    }
    int row = book.row(anImport.lotId());
    if (row < 0 || book.exports(row) < 2) {
      return;
    }
    String firstExport = book.firstExportCountry(row);
    String declared = anImport.origin().code();
    if (firstExport == null || firstExport.equals(declared)) {
      return;
    }
    String importer = anImport.context().actorId();
    String importingCountry = book.countryOf(importer);
    alerts.add(
        Finding.of(id(), anImport)
            .event(book.lastEventId(row))
            .lot(anImport.lotId())
            .actor(book.holder(row))
            .actor(importer)
            .site(book.origin(row))
            .country(firstExport)
            .country(declared)
            .country(importingCountry)
            .figure("borderCrossings", Wording.figure(book.exports(row), 0))
            .score(0.9)
            .explain(
                "Lot "
                    + anImport.lotId()
                    + " (tag "
                    + book.tag(row)
                    + ", "
                    + Wording.mass(book.mass(row))
                    + " of "
                    + book.mineral(row).wireName()
                    + ") was first exported from "
                    + Wording.country(firstExport)
                    + ", imported into "
                    + Wording.country(declared)
                    + " and exported again; "
                    + Wording.actor(registry, importer)
                    + " declared it on "
                    + Wording.day(anImport.context().instant())
                    + " as originating in "
                    + Wording.country(declared)
                    + ": transit disguised as origin."));
  }
}
