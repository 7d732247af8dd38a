package org.oretrace.sim;

import static org.oretrace.sim.Logistics.DAY;
import static org.oretrace.sim.Logistics.HOUR;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.sim.Geography.GradeProfile;
import org.oretrace.sim.Geography.SiteProfile;

/**
 * The schemes that start at the pits, right after honest extraction:
 *
 * <ul>
 *   <li>D2 tag laundering: ore dug at the red, armed-group-held site is carried to a certified site
 *       of the same mineral that sells to the same trader and tagged there, in one month, until
 *       that site's month reaches 110-135 % of its assessed capacity (the scheme's events are every
 *       tag of that site-month, its lots the laundered bags);
 *   <li>D8 red-site ore: a parcel of three to eight bags tagged openly at the red site;
 *   <li>earmarks on honest bags for the schemes that happen later on their way (D1, D3, D5, D6, D7,
 *       D11) and for tag reuse (D4, planted by {@link TagReuseStage} once the bag is gone).
 * </ul>
 *
 * <p>Lots come out sorted by the time they are ready, as extraction leaves them.
 */
final class PlantingStage implements Stage {

  private static final List<DetectorId> EARMARKED =
      List.of(
          DetectorId.D1,
          DetectorId.D3,
          DetectorId.D5,
          DetectorId.D6,
          DetectorId.D7,
          DetectorId.D11,
          DetectorId.D4);

  private final Logistics logistics;
  private final Schemes schemes;
  private final int lots;
  private final LocalDate start;
  private final int months;
  private final List<SimulatedLot> reuseSources = new ArrayList<>();

  PlantingStage(Logistics logistics, Schemes schemes, int lots, LocalDate start, int months) {
    this.logistics = logistics;
    this.schemes = schemes;
    this.lots = lots;
    this.start = start;
    this.months = months;
  }

  /** The honest bags whose tags {@link TagReuseStage} puts on new bags. */
  List<SimulatedLot> reuseSources() {
    return reuseSources;
  }

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> bags) {
    List<SimulatedLot> all = new ArrayList<>(bags);
    earmark(bags);
    SiteProfile red = redSite();
    if (red != null) {
      launder(all, bags, red, schemes.rates().count(DetectorId.D2, lots));
      for (int parcel = 0; parcel < schemes.rates().count(DetectorId.D8, lots); parcel++) {
        all.addAll(redParcel(red));
      }
    }
    all.sort(Comparator.comparingLong(lot -> lot.readySecond));
    return all;
  }

  private void earmark(List<SimulatedLot> bags) {
    List<SimulatedLot> shuffled = new ArrayList<>(bags);
    for (int index = shuffled.size() - 1; index > 0; index--) {
      int other = schemes.random().nextInt(index + 1);
      SimulatedLot swap = shuffled.get(index);
      shuffled.set(index, shuffled.get(other));
      shuffled.set(other, swap);
    }
    int next = 0;
    for (DetectorId scheme : EARMARKED) {
      int count = schemes.rates().count(scheme, lots);
      for (int index = 0; index < count && next < shuffled.size(); index++) {
        SimulatedLot bag = shuffled.get(next++);
        if (scheme == DetectorId.D4) {
          reuseSources.add(bag);
        } else {
          schemes.earmark(bag, scheme);
        }
      }
    }
  }

  /** The first red site: its first mineral (in catalogue order) is the one laundered. */
  private SiteProfile redSite() {
    return logistics.geography().sites().stream()
        .filter(site -> site.site().icglrStatus() == IcglrStatus.RED)
        .findFirst()
        .orElse(null);
  }

  private static Mineral redMineral(SiteProfile red) {
    return red.grades().keySet().stream().sorted().findFirst().orElseThrow();
  }

  private record SiteMonth(String siteId, LocalDate month) {}

  private record Tagging(long arrival, int index, long grams) {}

  private void launder(
      List<SimulatedLot> all, List<SimulatedLot> bags, SiteProfile red, int count) {
    List<SiteProfile> fronts =
        logistics.geography().sites().stream()
            .filter(site -> site.trader().equals(red.trader()))
            .filter(
                site ->
                    site.site().icglrStatus() == IcglrStatus.GREEN
                        || site.site().icglrStatus() == IcglrStatus.YELLOW)
            .filter(site -> site.site().capacityKilogramsPerMonth(redMineral(red)) > 0)
            .toList();
    if (fronts.isEmpty()) {
      return;
    }
    Set<SiteMonth> used = new HashSet<>();
    for (int scheme = 0; scheme < count && used.size() < fronts.size() * months; scheme++) {
      SiteProfile front;
      LocalDate month;
      do {
        front = fronts.get(schemes.random().nextInt(fronts.size()));
        month = start.withDayOfMonth(1).plusMonths(schemes.random().nextInt(months));
      } while (!used.add(new SiteMonth(front.site().id(), month)));
      all.addAll(launderMonth(bags, red, front, month));
    }
  }

  private List<SimulatedLot> launderMonth(
      List<SimulatedLot> bags, SiteProfile red, SiteProfile front, LocalDate month) {
    long monthStart = month.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long monthEnd = month.plusMonths(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    Mineral mineral = redMineral(red);
    long capacity = front.site().capacityKilogramsPerMonth(mineral) * 1_000;
    List<Tagging> taggings = new ArrayList<>();
    long honest = 0;
    for (SimulatedLot bag : bags) {
      if (front.site().id().equals(bag.originSiteId)
          && bag.mineral == mineral
          && bag.readySecond >= monthStart
          && bag.readySecond < monthEnd) {
        honest += bag.massGrams;
        taggings.add(new Tagging(bag.arrivalSecond, bag.createdIndex, bag.massGrams));
      }
    }
    long target = Math.round(capacity * schemes.uniform(1.10, 1.35));
    Schemes.Planted scheme =
        schemes
            .plant(
                DetectorId.D2,
                "ore from "
                    + red.site().name()
                    + " tagged at "
                    + front.site().name()
                    + " in "
                    + month.getMonth()
                    + " "
                    + month.getYear()
                    + " beyond its capacity")
            .actor(front.cooperative())
            .site(front.site().id())
            .site(red.site().id());
    // The scheme is the site-month, not only its laundered bags: whichever tag takes the month
    // over the limit (an honest one, as often as not) completes it, so every tag of the month is
    // one of its events. Its lots stay the laundered bags.
    for (Tagging tagging : taggings) {
      scheme.event(tagging.index());
    }
    List<SimulatedLot> laundered = new ArrayList<>();
    long added = 0;
    while (honest + added < target) {
      long time =
          logistics.workingTime(
              monthStart + schemes.random().nextLong(monthEnd - monthStart - DAY),
              front.cooperative(),
              7,
              16);
      // Laundered ore comes in the heavier bags: the upper two fifths of the usual range.
      Geography.Scale scale = logistics.geography().scale();
      long heavy =
          scale.bagMaximumGrams() - (scale.bagMaximumGrams() - scale.bagMinimumGrams()) * 2 / 5;
      SimulatedLot bag =
          tag(front, mineral, red.grades().get(mineral), time, heavy, scale.bagMaximumGrams());
      added += bag.massGrams;
      laundered.add(bag);
      scheme.lot(bag.id).event(bag.createdIndex);
      taggings.add(new Tagging(bag.arrivalSecond, bag.createdIndex, bag.massGrams));
    }
    // The detector sees tags in the order they reach the system: the one that tips the month.
    taggings.sort(Comparator.comparingLong(Tagging::arrival).thenComparingInt(Tagging::index));
    long total = 0;
    for (Tagging tagging : taggings) {
      total += tagging.grams();
      if (total > capacity) {
        scheme.completing(tagging.index());
        break;
      }
    }
    return laundered;
  }

  private List<SimulatedLot> redParcel(SiteProfile red) {
    long day =
        start.atStartOfDay().toEpochSecond(ZoneOffset.UTC)
            + schemes.random().nextLong(Math.max(1, months * 30L - 1)) * DAY;
    int bags = 3 + schemes.random().nextInt(6);
    Schemes.Planted scheme =
        schemes
            .plant(DetectorId.D8, bags + " bags of ore tagged at " + red.site().name())
            .actor(red.cooperative())
            .site(red.site().id());
    List<SimulatedLot> parcel = new ArrayList<>();
    long time = logistics.workingTime(day, red.cooperative(), 7, 12);
    long firstArrival = Long.MAX_VALUE;
    for (int index = 0; index < bags; index++) {
      Geography.Scale scale = logistics.geography().scale();
      Mineral mineral = redMineral(red);
      SimulatedLot bag =
          tag(
              red,
              mineral,
              red.grades().get(mineral),
              time,
              scale.bagMinimumGrams(),
              scale.bagMaximumGrams());
      parcel.add(bag);
      scheme.lot(bag.id).event(bag.createdIndex);
      if (bag.arrivalSecond < firstArrival) {
        firstArrival = bag.arrivalSecond;
        scheme.completing = bag.createdIndex;
      }
      time += logistics.within(10 * 60, HOUR);
    }
    return parcel;
  }

  /** Tags a bag at a site (whatever ore is in it), recorded by the site's cooperative. */
  private SimulatedLot tag(
      SiteProfile site,
      Mineral mineral,
      GradeProfile grades,
      long time,
      long minimumGrams,
      long maximumGrams) {
    Chronicle chronicle = logistics.chronicle();
    String lotId = chronicle.newLotId();
    String tagNumber =
        chronicle.serial(
            logistics.geography().scale().tagPrefix() + "-" + site.site().country().code());
    long mass = minimumGrams + schemes.random().nextLong(maximumGrams - minimumGrams + 1);
    double deviation = Math.max(-2.5, Math.min(2.5, schemes.random().nextGaussian()));
    long grade =
        Math.max(
            1,
            Math.min(
                Grade.MILLION,
                Math.round(
                    grades.mean().partsPerMillion()
                        + deviation * grades.deviation().partsPerMillion())));
    Grade estimate = new Grade(Math.round(grade / 10_000.0) * 10_000);
    long arrival =
        chronicle.record(
            site.cooperative(),
            time,
            logistics.uploadDelay(site.cooperative()),
            Long.MIN_VALUE,
            context ->
                new Tag(context, lotId, tagNumber, site.site().id(), mineral, mass, estimate));
    SimulatedLot bag =
        new SimulatedLot(
            lotId,
            tagNumber,
            mineral,
            grade,
            site.site().id(),
            mass,
            site.cooperative(),
            time,
            arrival);
    bag.createdIndex = chronicle.lastIndex();
    return bag;
  }
}
