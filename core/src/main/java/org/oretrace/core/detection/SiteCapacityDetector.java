package org.oretrace.core.detection;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * D2 site-capacity: the mass a site tags in a calendar month (UTC, by the tag's time) is summed per
 * mineral; the tag that takes the month beyond the site's assessed capacity (times {@link
 * DetectionParameters.MineralLimits#capacityFactor()}, which is the mineral's) raises one alert for
 * that site, mineral and month. This is how tag laundering shows: ore from a red site carried to a
 * certified one and tagged there makes the certified site produce more than it can. Sites without
 * an assessed capacity for the mineral are not judged.
 */
final class SiteCapacityDetector implements Detector {

  private final Registry registry;
  private final DetectionParameters parameters;
  private final Object2LongOpenHashMap<String> taggedGrams = new Object2LongOpenHashMap<>();
  private final Set<String> alerted = new HashSet<>();

  SiteCapacityDetector(Registry registry, DetectionParameters parameters) {
    this.registry = registry;
    this.parameters = parameters;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D2;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    if (!(event instanceof Tag tag)) {
      return;
    }
    Site site = registry.site(tag.siteId()).orElse(null);
    if (site == null) {
      return;
    }
    long capacityGrams = site.capacityKilogramsPerMonth(tag.mineral()) * 1_000;
    if (capacityGrams == 0) {
      return;
    }
    YearMonth month = Wording.monthOf(tag.context().instant());
    String key = site.id() + '|' + tag.mineral() + '|' + month;
    long total = taggedGrams.addTo(key, tag.massGrams()) + tag.massGrams();
    long limit = Math.round(capacityGrams * parameters.limits(tag.mineral()).capacityFactor());
    if (total <= limit || !alerted.add(key)) {
      return;
    }
    long over = total - capacityGrams;
    double overShare = over / (double) capacityGrams;
    alerts.add(
        Finding.of(id(), tag)
            .lot(tag.lotId())
            .actor(tag.context().actorId())
            .site(site.id())
            .country(site.country().code())
            .figure("taggedTonnes", Wording.tonnes(total))
            .figure("capacityTonnes", Wording.tonnes(capacityGrams))
            .figure("overCapacityShare", Wording.figure(overShare, 3))
            .score(0.6 + overShare)
            .explain(
                "Site "
                    + site.name()
                    + " ("
                    + site.icglrStatus().wireName()
                    + ") has tagged "
                    + Wording.mass(total)
                    + " of "
                    + tag.mineral().wireName()
                    + " in "
                    + Wording.month(month)
                    + ", more than its assessed capacity of "
                    + Wording.mass(capacityGrams)
                    + " a month: "
                    + Wording.mass(over)
                    + " ("
                    + Wording.decimal(overShare * 100, 0)
                    + " %) over, which may be ore from another site tagged here."));
  }
}
