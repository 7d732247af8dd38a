package org.oretrace.core.detection;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * D2 site-capacity: the mass a site tags in a calendar month (UTC, by the tag's time) is summed per
 * mineral, with the number of bags or parcels and the sum of their squared masses. This is how tag
 * laundering shows: ore from a red site carried to a certified one and tagged there makes the
 * certified site produce more than it can.
 *
 * <p>A month's total is a count of bags, and how many bags an honest pit fills in a month varies by
 * chance. Taking the bags as a Poisson count (a compound Poisson sum), the month's total has a
 * standard deviation of about the square root of the sum of the squared bag masses: about 1 t (5 %)
 * for a 20 t coltan site filling 50 kg bags, but 3.5 kg (14 %) for a 25 kg garimpo selling 450 g
 * parcels, whose honest dry-season months do run 10-17 % over a rough assessed capacity. So a month
 * alerts once its excess over the assessed capacity (times the mineral's {@link
 * DetectionParameters.MineralLimits#capacityFactor()}) exceeds {@link
 * DetectionParameters#capacityCountDeviations()} of those standard deviations: one rule for every
 * mineral, stricter where a month counts many bags and looser where it counts few, instead of a
 * hand-set margin per mineral. With an allowance under one standard deviation the excess grows
 * faster than the allowance as tags are added, so the month stays over once it is over; the tag
 * that takes it over completes the pattern, and each site, mineral and month alerts once. Sites
 * without an assessed capacity for the mineral are not judged.
 *
 * <p>The sentence names every figure an inspector needs to redo the sum by hand: the month's total
 * and count, the capacity, the excess, the allowance, and the site's three months before.
 */
final class SiteCapacityDetector implements Detector {

  private static final int MONTHS_SHOWN_BEFORE = 3;

  private final Registry registry;
  private final DetectionParameters parameters;
  private final Object2LongOpenHashMap<String> taggedGrams = new Object2LongOpenHashMap<>();
  private final Object2LongOpenHashMap<String> squaredGrams = new Object2LongOpenHashMap<>();
  private final Object2LongOpenHashMap<String> taggedCount = new Object2LongOpenHashMap<>();
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
    String key = key(site, tag.mineral(), month);
    long mass = tag.massGrams();
    long total = taggedGrams.addTo(key, mass) + mass;
    long squares = squaredGrams.addTo(key, mass * mass) + mass * mass;
    long count = taggedCount.addTo(key, 1) + 1;
    long limit = Math.round(capacityGrams * parameters.limits(tag.mineral()).capacityFactor());
    double deviation = Math.sqrt(squares);
    double allowed = parameters.capacityCountDeviations() * deviation;
    if (total - limit <= allowed || !alerted.add(key)) {
      return;
    }
    long over = total - capacityGrams;
    double overShare = over / (double) capacityGrams;
    double overDeviations = (total - limit) / deviation;
    Mineral mineral = tag.mineral();
    alerts.add(
        Finding.of(id(), tag)
            .lot(tag.lotId())
            .actor(tag.context().actorId())
            .site(site.id())
            .country(site.country().code())
            .figure("taggedTonnes", Wording.tonnes(total))
            .figure("capacityTonnes", Wording.tonnes(capacityGrams))
            .figure("overCapacityShare", Wording.figure(overShare, 3))
            .figure("tagged", Wording.figure(count, 0))
            .figure("countUncertaintyTonnes", Wording.figure(deviation / 1e6, 6))
            .figure("overDeviations", Wording.figure(overDeviations, 2))
            .score(0.6 + overShare)
            .explain(
                sentence(
                    site,
                    mineral,
                    month,
                    total,
                    count,
                    capacityGrams,
                    over,
                    overShare,
                    deviation,
                    overDeviations)));
  }

  private static String key(Site site, Mineral mineral, YearMonth month) {
    return site.id() + '|' + mineral + '|' + month;
  }

  private String sentence(
      Site site,
      Mineral mineral,
      YearMonth month,
      long total,
      long count,
      long capacityGrams,
      long over,
      double overShare,
      double deviation,
      double overDeviations) {
    double factor = parameters.limits(mineral).capacityFactor();
    return "Site "
        + site.name()
        + " ("
        + site.icglrStatus().wireName()
        + ") has tagged "
        + Wording.exactMass(total, capacityGrams)
        + " of "
        + mineral.wireName()
        + " in "
        + count
        + " "
        + Wording.units(mineral, count)
        + " in "
        + Wording.month(month)
        + ", more than its assessed capacity of "
        + Wording.exactMass(capacityGrams, capacityGrams)
        + " a month: "
        + Wording.exactMass(over, capacityGrams)
        + " ("
        + Wording.decimal(overShare * 100, 1)
        + " %) over"
        + (factor == 1.0 ? "" : " (it alerts from " + Wording.decimal(factor * 100, 0) + " %)")
        + ". How many "
        + Wording.units(mineral, 2)
        + " an honest month fills varies by chance, by about "
        + Wording.exactMass(Math.round(deviation), capacityGrams)
        + " here (the square root of the sum of their squared masses); this excess is "
        + Wording.distinct(overDeviations, parameters.capacityCountDeviations())
        + " times that, where "
        + Wording.decimal(parameters.capacityCountDeviations(), 2)
        + " is allowed. "
        + before(site, mineral, month, capacityGrams)
        + " This may be "
        + Wording.material(mineral)
        + " from another site tagged here.";
  }

  /** "Before it: April 2024 19.1 kg, May 2024 20.4 kg, June 2024 nothing tagged." */
  private String before(Site site, Mineral mineral, YearMonth month, long capacityGrams) {
    List<String> months = new ArrayList<>();
    for (int back = MONTHS_SHOWN_BEFORE; back >= 1; back--) {
      YearMonth earlier = month.minusMonths(back);
      String key = key(site, mineral, earlier);
      months.add(
          Wording.month(earlier)
              + " "
              + (taggedCount.containsKey(key)
                  ? Wording.exactMass(taggedGrams.getLong(key), capacityGrams)
                  : "nothing tagged"));
    }
    return "The three months before: " + String.join(", ", months) + ".";
  }
}
