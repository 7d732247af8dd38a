package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.Country;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.sim.Geography.ExportRoute;
import org.oretrace.sim.Geography.SmelterProfile;

/**
 * Export and import: each export lot is consigned to a smelter that buys its mineral (drawn by the
 * smelters' shares), trucked to the border post or inland customs office, which clears the export
 * declaration, then carried down the corridor to Dar es Salaam or Mombasa and shipped to Asia. The
 * smelter declares the import on arrival, weighs it on its calibrated weighbridge and has it
 * assayed (its own reading of the grade, about 0.2 points of error).
 */
final class ShippingStage implements Stage {

  private final Logistics logistics;

  ShippingStage(Logistics logistics) {
    this.logistics = logistics;
  }

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> exportLots) {
    List<SimulatedLot> imported = new ArrayList<>(exportLots.size());
    for (SimulatedLot lot : exportLots) {
      ship(lot);
      imported.add(lot);
    }
    return imported;
  }

  private void ship(SimulatedLot lot) {
    Schemes schemes = logistics.schemes();
    Schemes.Planted roundTrip = null;
    if (schemes.earmarked(lot, DetectorId.D11)) {
      Actor transit = nearestForeignComptoir(lot.holder);
      if (transit != null) {
        schemes.take(lot, DetectorId.D11);
        roundTrip = roundTripLeg(lot, transit);
      }
    }
    Chronicle chronicle = logistics.chronicle();
    Actor comptoir = lot.holder;
    ExportRoute route = logistics.geography().exportRoute(comptoir);
    SmelterProfile smelter = smelterFor(lot);
    Actor buyer = smelter.smelter();
    long departure =
        logistics.workingTime(lot.readySecond + logistics.within(DAY, 6 * DAY), comptoir, 7, 12);
    lot.arrivalSecond =
        chronicle.record(
            comptoir,
            departure,
            logistics.uploadDelay(comptoir),
            lot.arrivalSecond,
            context -> new Ship(context, lot.id, buyer.id(), route.forwarder().id()));

    Actor customs = route.customsOffice();
    long atBorder =
        departure
            + logistics.roadSeconds(comptoir.location(), customs.location(), comptoir, departure);
    long cleared =
        logistics.workingTime(atBorder + logistics.within(HOUR, 20 * HOUR), customs, 8, 18);
    long declaredMass = lot.massGrams;
    boolean inflated = schemes.take(lot, DetectorId.D1);
    if (inflated) {
      declaredMass = Math.round(lot.massGrams * schemes.uniform(1.1, 1.25));
    }
    recordExport(lot, customs, cleared, buyer.country(), declaredMass);
    if (inflated) {
      schemes
          .plant(
              DetectorId.D1,
              comptoir.id() + " declared " + lot.id + " heavier than it is, to export outside ore")
          .lot(lot.id)
          .actor(comptoir)
          .actor(customs)
          .completing(chronicle.lastIndex());
    }

    long landed =
        cleared
            + logistics.within(
                route.portDaysMinimum() * DAY,
                (route.portDaysMaximum() - route.portDaysMinimum() + 1) * DAY)
            + logistics.within((smelter.seaDays() - 3) * DAY, 6 * DAY);
    long importedAt = logistics.workingTime(landed, buyer, 8, 17);
    long importedMass = logistics.weighCalibrated(lot.massGrams);
    recordImport(lot, buyer, importedAt, comptoir.country(), importedMass);
    if (roundTrip != null) {
      roundTrip.actor(buyer).completing(chronicle.lastIndex());
    }
    lot.massGrams = importedMass;
    lot.holder = buyer;

    long assayed = logistics.workingTime(importedAt + logistics.within(DAY, 4 * DAY), buyer, 8, 17);
    Grade reading =
        logistics.gradeReading(
            lot.gradePartsPerMillion,
            logistics.geography().scale().buyerAssayDeviationPartsPerMillion());
    boolean substituted = schemes.take(lot, DetectorId.D6);
    if (substituted) {
      // Another ore in the bags: 6-12 points off the grade the lot left with.
      long offset = Math.round(schemes.uniform(60_000, 120_000));
      long shifted =
          lot.gradePartsPerMillion > 300_000 || lot.gradePartsPerMillion - offset > 100_000
              ? reading.partsPerMillion() - offset
              : reading.partsPerMillion() + offset;
      reading = new Grade(Math.max(10_000, Math.min(Grade.MILLION - 10_000, shifted)));
    }
    Grade grade = reading;
    lot.arrivalSecond =
        chronicle.record(
            buyer,
            assayed,
            logistics.uploadDelay(buyer),
            lot.arrivalSecond,
            context -> new Assay(context, lot.id, grade, smelter.laboratory(), null));
    if (substituted) {
      schemes
          .plant(DetectorId.D6, lot.id + " substituted on its way to " + buyer.id())
          .lot(lot.id)
          .actor(comptoir)
          .actor(buyer)
          .completing(chronicle.lastIndex());
    }
    lot.readySecond = assayed;
  }

  /**
   * D11: the comptoir exports the lot to a comptoir across the nearest border, which imports it
   * under its true origin and then exports it on as its own country's ore.
   */
  private Schemes.Planted roundTripLeg(SimulatedLot lot, Actor transit) {
    Chronicle chronicle = logistics.chronicle();
    Actor comptoir = lot.holder;
    ExportRoute route = logistics.geography().exportRoute(comptoir);
    Schemes.Planted scheme =
        logistics
            .schemes()
            .plant(
                DetectorId.D11,
                lot.id
                    + " exported from "
                    + comptoir.country()
                    + " to "
                    + transit.id()
                    + " and re-exported as "
                    + transit.country()
                    + " ore")
            .lot(lot.id)
            .actor(comptoir)
            .actor(transit);
    long departure =
        logistics.workingTime(lot.readySecond + logistics.within(DAY, 6 * DAY), comptoir, 7, 12);
    lot.arrivalSecond =
        chronicle.record(
            comptoir,
            departure,
            logistics.uploadDelay(comptoir),
            lot.arrivalSecond,
            context -> new Ship(context, lot.id, transit.id(), route.forwarder().id()));
    scheme.event(chronicle.lastIndex());
    Actor customs = route.customsOffice();
    long atBorder =
        departure
            + logistics.roadSeconds(comptoir.location(), customs.location(), comptoir, departure);
    long cleared =
        logistics.workingTime(atBorder + logistics.within(HOUR, 20 * HOUR), customs, 8, 18);
    recordExport(lot, customs, cleared, transit.country(), lot.massGrams);
    scheme.actor(customs).event(chronicle.lastIndex());
    long arrived =
        cleared
            + logistics.roadSeconds(customs.location(), transit.location(), transit, cleared)
            + logistics.within(HOUR, 6 * HOUR);
    long importedAt = logistics.workingTime(arrived, transit, 8, 17);
    long importedMass = logistics.weighCalibrated(lot.massGrams);
    recordImport(lot, transit, importedAt, comptoir.country(), importedMass);
    scheme.event(chronicle.lastIndex());
    lot.massGrams = importedMass;
    lot.holder = transit;
    lot.readySecond = importedAt + logistics.within(HOUR, 2 * DAY);
    return scheme;
  }

  /** Records the export of a lot cleared by a customs office, under a new declaration number. */
  private void recordExport(
      SimulatedLot lot, Actor customs, long cleared, Country destination, long declaredMass) {
    Chronicle chronicle = logistics.chronicle();
    String declaration =
        chronicle.serial(
            "EX-" + customs.country().code() + "-" + year(cleared) + "-" + customsCode(customs));
    lot.arrivalSecond =
        chronicle.record(
            customs,
            cleared,
            logistics.uploadDelay(customs),
            lot.arrivalSecond,
            context -> new Export(context, lot.id, declaration, destination, declaredMass));
  }

  /** Records the import of a lot by its buyer, under a new declaration number. */
  private void recordImport(
      SimulatedLot lot, Actor importer, long importedAt, Country origin, long importedMass) {
    Chronicle chronicle = logistics.chronicle();
    String declaration =
        chronicle.serial("IM-" + importer.country().code() + "-" + year(importedAt));
    lot.arrivalSecond =
        chronicle.record(
            importer,
            importedAt,
            logistics.uploadDelay(importer),
            lot.arrivalSecond,
            context -> new Import(context, lot.id, declaration, origin, importedMass));
  }

  /** The comptoir of another country nearest to this one, or null when there is none. */
  private Actor nearestForeignComptoir(Actor comptoir) {
    Actor nearest = null;
    double best = Double.MAX_VALUE;
    for (Actor other : logistics.geography().actors()) {
      if (other.kind() == ActorKind.COMPTOIR && !other.country().equals(comptoir.country())) {
        double metres = other.location().distanceMetres(comptoir.location());
        if (metres < best) {
          best = metres;
          nearest = other;
        }
      }
    }
    return nearest;
  }

  private SmelterProfile smelterFor(SimulatedLot lot) {
    List<SmelterProfile> smelters = logistics.geography().smelters().get(lot.mineral);
    if (smelters == null || smelters.isEmpty()) {
      throw new IllegalStateException("no smelter buys " + lot.mineral.wireName());
    }
    double total = smelters.stream().mapToDouble(SmelterProfile::share).sum();
    double draw = logistics.random().nextDouble() * total;
    for (SmelterProfile smelter : smelters) {
      draw -= smelter.share();
      if (draw < 0) {
        return smelter;
      }
    }
    return smelters.getLast();
  }

  private static int year(long second) {
    return LocalDate.ofEpochDay(Math.floorDiv(second, DAY)).getYear();
  }

  /** "customs-cd-goma" becomes "GOMA". */
  private static String customsCode(Actor customs) {
    String id = customs.id();
    return id.substring(id.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT);
  }
}
