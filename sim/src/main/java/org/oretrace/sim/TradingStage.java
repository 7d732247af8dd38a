package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.registry.Actor;
import org.oretrace.sim.Geography.SiteProfile;

/**
 * From the pit to the négociant: each cooperative ships its bag to the trader it sells to, on a
 * market day within four days of tagging, by motorbike, truck or on porters' backs; the trader
 * weighs it on arrival (the bag has dried a little on the way). A few traders split a bag to sell
 * the halves to different comptoirs.
 */
final class TradingStage implements Stage {

  static final double SPLIT_SHARE = 0.04;

  private final Logistics logistics;
  private final Map<String, SiteProfile> sitesById = new HashMap<>();

  TradingStage(Logistics logistics) {
    this.logistics = logistics;
    logistics.geography().sites().forEach(site -> sitesById.put(site.site().id(), site));
  }

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> bags) {
    List<SimulatedLot> atTraders = new ArrayList<>(bags.size());
    for (SimulatedLot bag : bags) {
      SiteProfile site = sitesById.get(bag.originSiteId);
      Actor trader = site.trader();
      Actor transporter = logistics.geography().tradeRoute(trader).transporter();
      long departure =
          logistics.workingTime(
              bag.readySecond + logistics.within(HOUR, 4 * DAY), bag.holder, 6, 10);
      logistics.shipAndReceive(bag, trader, transporter, departure);
      if (logistics.random().nextDouble() < SPLIT_SHARE) {
        atTraders.addAll(
            logistics.splitInTwo(
                bag, logistics.workingTime(bag.readySecond + HOUR, trader, 8, 17)));
      } else {
        atTraders.add(bag);
      }
    }
    return atTraders;
  }
}
