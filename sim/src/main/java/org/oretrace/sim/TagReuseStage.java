package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;

import java.util.List;
import java.util.function.Supplier;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.sim.Geography.SiteProfile;

/**
 * D4 tag reuse, planted last because it needs the first bag gone: the cooperative that tagged an
 * earmarked bag puts the same tag number on a new bag 20 to 120 days later. The new tag reaches the
 * system only after the first bag was merged or processed (the structural rules would refuse a tag
 * on two live lots), but it may have been put on while the first bag was still on its way: one tag,
 * two bags. The new bag stays with the cooperative.
 */
final class TagReuseStage implements Stage {

  private final Logistics logistics;
  private final Schemes schemes;
  private final Supplier<List<SimulatedLot>> sources;
  private final List<SiteProfile> sites;

  TagReuseStage(Logistics logistics, Schemes schemes, Supplier<List<SimulatedLot>> sources) {
    this.logistics = logistics;
    this.schemes = schemes;
    this.sources = sources;
    this.sites = logistics.geography().sites();
  }

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> products) {
    for (SimulatedLot source : sources.get()) {
      SiteProfile site =
          sites.stream()
              .filter(profile -> profile.site().id().equals(source.originSiteId))
              .findFirst()
              .orElseThrow();
      Chronicle chronicle = logistics.chronicle();
      long taggedAt = chronicle.timeSecond(source.createdIndex);
      long time =
          logistics.workingTime(
              taggedAt + Math.round(schemes.uniform(20, 120) * DAY), site.cooperative(), 7, 16);
      String lotId = chronicle.newLotId();
      Geography.Scale scale = logistics.geography().scale();
      long mass =
          scale.bagMinimumGrams()
              + schemes.random().nextLong(scale.bagMaximumGrams() - scale.bagMinimumGrams() + 1);
      Grade estimate = new Grade(Math.round(source.gradePartsPerMillion / 10_000.0) * 10_000);
      chronicle.record(
          site.cooperative(),
          time,
          logistics.uploadDelay(site.cooperative()),
          source.arrivalSecond + 60,
          context ->
              new Tag(
                  context,
                  lotId,
                  source.tagNumber,
                  site.site().id(),
                  source.mineral,
                  mass,
                  estimate));
      schemes
          .plant(DetectorId.D4, "tag " + source.tagNumber + " of lot " + source.id + " reused")
          .lot(lotId)
          .lot(source.id)
          .actor(site.cooperative())
          .site(site.site().id())
          .completing(chronicle.lastIndex());
    }
    return products;
  }
}
