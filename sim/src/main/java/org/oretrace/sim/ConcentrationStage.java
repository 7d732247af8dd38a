package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.sim.Geography.TradeRoute;

/**
 * Concentration: where a trade route passes a processor (Rwanda's cassiterite and wolframite), the
 * traders truck their bags to the plant, which runs the week's intake of each mineral through
 * gravity and magnetic separation, in charges of up to about 3 t, each into one concentrate lot:
 * the grade rises by 4-8 points (never above {@link #MAXIMUM_GRADE}), 95-98 % of the contained
 * metal is recovered, and the rest of the mass leaves as tailings. Lots on other routes pass
 * through untouched.
 */
final class ConcentrationStage implements Stage {

  static final long WEEK = 7 * DAY;

  /** Concentrates are not upgraded beyond this (about 72 % Sn, 70 % WO3, 45 % Ta2O5). */
  static final Map<Mineral, Long> MAXIMUM_GRADE =
      Map.of(Mineral.CASSITERITE, 720_000L, Mineral.WOLFRAMITE, 700_000L, Mineral.COLTAN, 450_000L);

  private final Logistics logistics;

  ConcentrationStage(Logistics logistics) {
    this.logistics = logistics;
  }

  private record Batch(Actor processor, Mineral mineral, long week) {}

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> lots) {
    List<SimulatedLot> leaving = new ArrayList<>(lots.size());
    Map<Batch, List<SimulatedLot>> batches = new LinkedHashMap<>();
    for (SimulatedLot lot : lots) {
      TradeRoute route = logistics.geography().tradeRoute(lot.holder);
      if (!route.viaProcessor(lot.mineral)) {
        leaving.add(lot);
        continue;
      }
      Actor processor = route.processor();
      long departure =
          logistics.workingTime(
              lot.readySecond + logistics.within(HOUR, 3 * DAY), lot.holder, 6, 12);
      logistics.shipAndReceive(lot, processor, route.transporter(), departure);
      batches
          .computeIfAbsent(
              new Batch(processor, lot.mineral, Math.floorDiv(lot.readySecond, WEEK)),
              batch -> new ArrayList<>())
          .add(lot);
    }
    batches.forEach(
        (batch, inputs) -> {
          // A plant runs a week's intake in charges of a few tonnes at most.
          List<SimulatedLot> charge = new ArrayList<>();
          long chargeGrams = 0;
          for (SimulatedLot input : inputs) {
            charge.add(input);
            chargeGrams += input.massGrams;
            if (chargeGrams >= logistics.geography().scale().chargeMaximumGrams()) {
              leaving.add(concentrate(batch, charge));
              charge = new ArrayList<>();
              chargeGrams = 0;
            }
          }
          if (!charge.isEmpty()) {
            leaving.add(concentrate(batch, charge));
          }
        });
    return leaving;
  }

  private SimulatedLot concentrate(Batch batch, List<SimulatedLot> inputs) {
    Chronicle chronicle = logistics.chronicle();
    long weekEnd = (batch.week() + 1) * WEEK;
    long time =
        logistics.workingTime(
            Math.max(weekEnd, Logistics.latestReady(inputs)) + logistics.within(0, DAY),
            batch.processor(),
            7,
            18);
    long inputGrade = Logistics.weightedGrade(inputs);
    long outputGrade =
        Math.max(
            inputGrade,
            Math.min(
                MAXIMUM_GRADE.get(batch.mineral()),
                inputGrade + Math.round(logistics.uniform(40_000, 80_000))));
    double containedGrams = 0;
    for (SimulatedLot input : inputs) {
      containedGrams += input.massGrams * (input.gradePartsPerMillion / (double) Grade.MILLION);
    }
    double recovered = containedGrams * logistics.uniform(0.95, 0.98);
    long mass = Math.max(1, Math.round(recovered / (outputGrade / (double) Grade.MILLION)));
    String lotId = chronicle.newLotId();
    String tagNumber = chronicle.serial("PRC-" + batch.processor().country().code());
    List<ProcessInput> processInputs =
        inputs.stream().map(input -> new ProcessInput(input.id, input.massGrams)).toList();
    ProcessOutput output =
        new ProcessOutput(lotId, tagNumber, batch.mineral(), mass, new Grade(outputGrade));
    long arrival =
        chronicle.record(
            batch.processor(),
            time,
            logistics.uploadDelay(batch.processor()),
            Logistics.latestArrival(inputs),
            context -> new Process(context, processInputs, List.of(output)));
    SimulatedLot concentrate =
        new SimulatedLot(
            lotId,
            tagNumber,
            batch.mineral(),
            outputGrade,
            Logistics.commonOrigin(inputs),
            mass,
            batch.processor(),
            time + logistics.within(4 * HOUR, 2 * DAY),
            arrival);
    inputs.forEach(input -> input.arrivalSecond = arrival);
    logistics.schemes().inherit(inputs, concentrate);
    return concentrate;
  }
}
