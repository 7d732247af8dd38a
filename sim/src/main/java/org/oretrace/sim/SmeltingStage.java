package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.sim.Geography.SmelterProfile;

/**
 * Smelting: each smelter runs a campaign every {@link #CAMPAIGN_DAYS} days over the lots that
 * arrived in that window. The metal out is the contained metal in (mass times true grade times the
 * metal's share of the grade constituent) times the smelter's recovery (give or take half a point,
 * always below 100 %), cast at the product's purity into one to four output lots of up to about 5
 * t.
 */
final class SmeltingStage implements Stage {

  static final int CAMPAIGN_DAYS = 14;

  private final Logistics logistics;
  private final Map<String, SmelterProfile> smeltersById = new HashMap<>();

  SmeltingStage(Logistics logistics) {
    this.logistics = logistics;
    logistics
        .geography()
        .smelters()
        .values()
        .forEach(
            profiles ->
                profiles.forEach(profile -> smeltersById.put(profile.smelter().id(), profile)));
  }

  private record Campaign(SmelterProfile smelter, long index) {}

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> lots) {
    Map<Campaign, List<SimulatedLot>> campaigns = new LinkedHashMap<>();
    for (SimulatedLot lot : lots) {
      SmelterProfile smelter = smeltersById.get(lot.holder.id());
      if (smelter == null) {
        throw new IllegalStateException("lot " + lot + " is not at a smelter");
      }
      long index = Math.floorDiv(lot.readySecond, CAMPAIGN_DAYS * DAY);
      campaigns.computeIfAbsent(new Campaign(smelter, index), key -> new ArrayList<>()).add(lot);
    }
    List<SimulatedLot> products = new ArrayList<>();
    campaigns.forEach((campaign, inputs) -> products.addAll(smelt(campaign, inputs)));
    return products;
  }

  private List<SimulatedLot> smelt(Campaign campaign, List<SimulatedLot> inputs) {
    SmelterProfile smelter = campaign.smelter();
    Chronicle chronicle = logistics.chronicle();
    long campaignEnd = (campaign.index() + 1) * CAMPAIGN_DAYS * DAY;
    long time =
        logistics.workingTime(
            Math.max(campaignEnd, Logistics.latestReady(inputs)) + logistics.within(0, 2 * DAY),
            smelter.smelter(),
            6,
            20);
    double metalGrams = 0;
    for (SimulatedLot input : inputs) {
      metalGrams +=
          input.massGrams
              * (input.gradePartsPerMillion / (double) Grade.MILLION)
              * smelter.metalFraction();
    }
    double recovery =
        Math.min(0.99, smelter.recovery() + logistics.random().nextGaussian() * 0.005);
    long productGrams =
        Math.max(
            1,
            Math.round(
                metalGrams
                    * recovery
                    / (smelter.purity().partsPerMillion() / (double) Grade.MILLION)));
    int count =
        (int) Math.min(4, 1 + productGrams / logistics.geography().scale().productLotGrams());
    count = (int) Math.min(count, productGrams);
    List<ProcessOutput> outputs = new ArrayList<>(count);
    long allocated = 0;
    for (int index = 0; index < count; index++) {
      long mass = index == count - 1 ? productGrams - allocated : productGrams / count;
      allocated += mass;
      outputs.add(
          new ProcessOutput(
              chronicle.newLotId(),
              chronicle.serial(smelter.product().name() + "-" + smelter.smelter().country().code()),
              smelter.product(),
              mass,
              smelter.purity()));
    }
    List<ProcessInput> processInputs =
        inputs.stream().map(input -> new ProcessInput(input.id, input.massGrams)).toList();
    long arrival =
        chronicle.record(
            smelter.smelter(),
            time,
            logistics.uploadDelay(smelter.smelter()),
            Logistics.latestArrival(inputs),
            context -> new Process(context, processInputs, outputs));
    inputs.forEach(input -> input.arrivalSecond = arrival);
    String origin = Logistics.commonOrigin(inputs);
    List<SimulatedLot> products = new ArrayList<>(count);
    for (ProcessOutput output : outputs) {
      products.add(
          new SimulatedLot(
              output.lotId(),
              output.tagNumber(),
              output.mineral(),
              smelter.purity().partsPerMillion(),
              origin,
              output.massGrams(),
              smelter.smelter(),
              time + logistics.within(2 * HOUR, DAY),
              arrival));
    }
    return products;
  }
}
