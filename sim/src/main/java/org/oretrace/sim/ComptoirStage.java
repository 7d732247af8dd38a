package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.sim.Geography.TradeRoute;

/**
 * The comptoir: traders and the concentration plant sell their lots to the exporters. A seller in
 * the same town hands the lot over (a transfer); others send it with the Tuesday or Friday convoy,
 * and the comptoir weighs it on arrival. Each comptoir pools its lots of a mineral until they make
 * an export lot (2.5-5 t, never above 6 t, for the Great Lakes ores; see {@link Geography.Scale}),
 * or until the oldest has waited {@link #MAXIMUM_WAIT_DAYS} days, then merges them under an export
 * tag and has the export lot assayed (a reading of the true grade with the scale's laboratory
 * error). Some export lots are split in two, to go to two smelters.
 */
final class ComptoirStage implements Stage {

  static final double SAME_TOWN_KILOMETRES = 15;
  static final int MAXIMUM_WAIT_DAYS = 60;
  static final double SPLIT_SHARE = 0.15;

  private final Logistics logistics;

  ComptoirStage(Logistics logistics) {
    this.logistics = logistics;
  }

  private record Pool(Actor comptoir, Mineral mineral) {}

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> lots) {
    Map<Pool, List<SimulatedLot>> pools = new LinkedHashMap<>();
    for (SimulatedLot lot : lots) {
      TradeRoute route = logistics.geography().tradeRoute(lot.holder);
      Actor comptoir = logistics.pick(route.comptoirs());
      sell(lot, comptoir, route.transporter());
      pools.computeIfAbsent(new Pool(comptoir, lot.mineral), pool -> new ArrayList<>()).add(lot);
    }
    List<SimulatedLot> exportLots = new ArrayList<>();
    pools.forEach((pool, pooled) -> exportLots.addAll(exportLots(pool, pooled)));
    return exportLots;
  }

  private void sell(SimulatedLot lot, Actor comptoir, Actor transporter) {
    double kilometres = lot.holder.location().distanceMetres(comptoir.location()) / 1000;
    if (kilometres < SAME_TOWN_KILOMETRES) {
      logistics.transfer(
          lot,
          comptoir,
          logistics.workingTime(
              lot.readySecond + logistics.within(HOUR, 3 * DAY), lot.holder, 8, 17));
    } else {
      logistics.shipAndReceive(lot, comptoir, transporter, convoyDeparture(lot));
    }
  }

  /** Convoys leave on Tuesdays and Fridays, early in the morning. */
  private long convoyDeparture(SimulatedLot lot) {
    long offset = logistics.geography().offset(lot.holder).getTotalSeconds();
    long day = Math.floorDiv(lot.readySecond + 2 * HOUR + offset, DAY);
    while (true) {
      DayOfWeek weekday = LocalDate.ofEpochDay(day).getDayOfWeek();
      long leaves = day * DAY + 6 * HOUR - offset;
      if ((weekday == DayOfWeek.TUESDAY || weekday == DayOfWeek.FRIDAY)
          && leaves >= lot.readySecond) {
        return logistics.within(leaves, 3 * HOUR);
      }
      day++;
    }
  }

  private List<SimulatedLot> exportLots(Pool pool, List<SimulatedLot> pooled) {
    List<SimulatedLot> sorted = new ArrayList<>(pooled);
    sorted.sort(Comparator.comparingLong(lot -> lot.readySecond));
    List<SimulatedLot> exportLots = new ArrayList<>();
    List<SimulatedLot> batch = new ArrayList<>();
    long batchMass = 0;
    long target = target();
    for (SimulatedLot lot : sorted) {
      if (!batch.isEmpty()
          && (lot.readySecond - batch.getFirst().readySecond > MAXIMUM_WAIT_DAYS * DAY
              || batchMass + lot.massGrams > logistics.geography().scale().exportMaximumGrams())) {
        exportLots.addAll(close(pool, batch));
        batch = new ArrayList<>();
        batchMass = 0;
        target = target();
      }
      batch.add(lot);
      batchMass += lot.massGrams;
      if (batchMass >= target) {
        exportLots.addAll(close(pool, batch));
        batch = new ArrayList<>();
        batchMass = 0;
        target = target();
      }
    }
    if (!batch.isEmpty()) {
      exportLots.addAll(close(pool, batch));
    }
    return exportLots;
  }

  private long target() {
    Geography.Scale scale = logistics.geography().scale();
    return Math.round(
        logistics.uniform(scale.exportTargetMinimumGrams(), scale.exportTargetMaximumGrams()));
  }

  /** Merges a batch into one export lot, assays it, and sometimes splits it in two. */
  private List<SimulatedLot> close(Pool pool, List<SimulatedLot> batch) {
    SimulatedLot exportLot = batch.size() == 1 ? batch.getFirst() : merge(pool, batch);
    assay(exportLot);
    if (exportLot.massGrams >= logistics.geography().scale().splitMinimumGrams()
        && logistics.random().nextDouble() < SPLIT_SHARE) {
      return logistics.splitInTwo(
          exportLot, logistics.workingTime(exportLot.readySecond + HOUR, exportLot.holder, 8, 17));
    }
    return List.of(exportLot);
  }

  private SimulatedLot merge(Pool pool, List<SimulatedLot> inputs) {
    Chronicle chronicle = logistics.chronicle();
    Actor comptoir = pool.comptoir();
    long time =
        logistics.workingTime(
            Logistics.latestReady(inputs) + logistics.within(DAY, 3 * DAY), comptoir, 8, 17);
    long inputMass = inputs.stream().mapToLong(lot -> lot.massGrams).sum();
    long dust = Math.round(inputMass * logistics.uniform(0, 0.0005)); // lost in bagging
    NewLot output =
        new NewLot(
            chronicle.newLotId(),
            chronicle.serial("EXP-" + comptoir.country().code()),
            inputMass - dust);
    List<String> inputIds = inputs.stream().map(lot -> lot.id).toList();
    long arrival =
        chronicle.record(
            comptoir,
            time,
            logistics.uploadDelay(comptoir),
            Logistics.latestArrival(inputs),
            context -> new Merge(context, inputIds, output));
    SimulatedLot merged =
        new SimulatedLot(
            output.lotId(),
            output.tagNumber(),
            pool.mineral(),
            Logistics.weightedGrade(inputs),
            Logistics.commonOrigin(inputs),
            output.massGrams(),
            comptoir,
            time + logistics.within(HOUR, 4 * HOUR),
            arrival);
    inputs.forEach(input -> input.arrivalSecond = arrival);
    logistics.schemes().inherit(inputs, merged);
    return merged;
  }

  private void assay(SimulatedLot lot) {
    String laboratory = logistics.geography().exportRoute(lot.holder).laboratory();
    long time =
        logistics.workingTime(lot.readySecond + logistics.within(DAY, 4 * DAY), lot.holder, 8, 17);
    Grade grade =
        logistics.gradeReading(
            lot.gradePartsPerMillion,
            logistics.geography().scale().exporterAssayDeviationPartsPerMillion());
    lot.arrivalSecond =
        logistics
            .chronicle()
            .record(
                lot.holder,
                time,
                logistics.uploadDelay(lot.holder),
                lot.arrivalSecond,
                context -> new Assay(context, lot.id, grade, laboratory, null));
    lot.readySecond = time;
  }
}
