package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.registry.Actor;
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
    String exportDeclaration =
        chronicle.serial(
            "EX-" + customs.country().code() + "-" + year(cleared) + "-" + customsCode(customs));
    lot.arrivalSecond =
        chronicle.record(
            customs,
            cleared,
            logistics.uploadDelay(customs),
            lot.arrivalSecond,
            context ->
                new Export(context, lot.id, exportDeclaration, buyer.country(), declaredMass));

    long landed =
        cleared
            + logistics.within(
                route.portDaysMinimum() * DAY,
                (route.portDaysMaximum() - route.portDaysMinimum() + 1) * DAY)
            + logistics.within((smelter.seaDays() - 3) * DAY, 6 * DAY);
    long importedAt = logistics.workingTime(landed, buyer, 8, 17);
    long importedMass = logistics.weighCalibrated(lot.massGrams);
    String importDeclaration =
        chronicle.serial("IM-" + buyer.country().code() + "-" + year(importedAt));
    lot.arrivalSecond =
        chronicle.record(
            buyer,
            importedAt,
            logistics.uploadDelay(buyer),
            lot.arrivalSecond,
            context ->
                new Import(context, lot.id, importDeclaration, comptoir.country(), importedMass));
    lot.massGrams = importedMass;
    lot.holder = buyer;

    long assayed = logistics.workingTime(importedAt + logistics.within(DAY, 4 * DAY), buyer, 8, 17);
    Grade grade = logistics.gradeReading(lot.gradePartsPerMillion, 2_000);
    lot.arrivalSecond =
        chronicle.record(
            buyer,
            assayed,
            logistics.uploadDelay(buyer),
            lot.arrivalSecond,
            context -> new Assay(context, lot.id, grade, smelter.laboratory(), null));
    lot.readySecond = assayed;
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
