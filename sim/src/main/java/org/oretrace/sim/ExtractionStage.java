package org.oretrace.sim;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.sim.Geography.GradeProfile;
import org.oretrace.sim.Geography.SiteProfile;

/**
 * Extraction: the cooperatives tag bags of ore at the pits. Bags go to (site, mineral, month) cells
 * drawn in proportion to the site's assessed capacity times the month's seasonal factor, so that
 * output follows the rains and no site ever produces more than it can (the period is long enough
 * for the bags to fill no more than {@link #TARGET_UTILISATION} of capacity on average, and 1.25
 * times that in the peak month). Each bag weighs between the scale's lightest and heaviest
 * (triangular: 25-60 kg, mean 42.5 kg, for the Great Lakes ores) and has a true grade drawn from
 * its site's profile; the tag carries the field estimate, rounded to the percent.
 *
 * <p>Red sites are excluded from the ICGLR mechanism and no honest tag is issued there: their ore
 * reaches the trade only by laundering, which is a scheme, not part of the honest world.
 *
 * <p>Bags are tagged in time order, so lot ids and tag numbers increase with time.
 */
final class ExtractionStage implements Stage {

  static final double TARGET_UTILISATION = 0.6;
  static final int MINIMUM_MONTHS = 6;

  private final Logistics logistics;
  private final LocalDate start;
  private final int months;
  private final int bags;

  ExtractionStage(Logistics logistics, LocalDate start, int months, int bags) {
    this.logistics = logistics;
    this.start = start;
    this.months = months;
    this.bags = bags;
  }

  /** Months the period needs so that {@code bags} fill no more than the target utilisation. */
  static int months(int bags, Geography geography) {
    double capacity = 0;
    for (SiteProfile site : taggingSites(geography)) {
      for (Mineral mineral : site.site().minerals()) {
        capacity += site.site().capacityKilogramsPerMonth(mineral);
      }
    }
    double needed = bags * geography.scale().meanBagKilograms() / (TARGET_UTILISATION * capacity);
    return Math.max(MINIMUM_MONTHS, (int) Math.ceil(needed));
  }

  private static List<SiteProfile> taggingSites(Geography geography) {
    return geography.sites().stream()
        .filter(site -> site.site().icglrStatus() != IcglrStatus.RED)
        .toList();
  }

  private record Cell(SiteProfile site, Mineral mineral, LocalDate month) {}

  private record Bag(long timeSecond, Cell cell, long massGrams, long gradePartsPerMillion) {}

  @Override
  public List<SimulatedLot> run(List<SimulatedLot> ignored) {
    List<Cell> cells = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int index = 0; index < months; index++) {
      LocalDate month = start.withDayOfMonth(1).plusMonths(index);
      double season = logistics.geography().monthlyOutputFactors().get(month.getMonthValue() - 1);
      for (SiteProfile site : taggingSites(logistics.geography())) {
        for (Mineral mineral : site.grades().keySet().stream().sorted().toList()) {
          cells.add(new Cell(site, mineral, month));
          weights.add(site.site().capacityKilogramsPerMonth(mineral) * season);
        }
      }
    }
    double[] cumulative = new double[weights.size()];
    double total = 0;
    for (int index = 0; index < cumulative.length; index++) {
      total += weights.get(index);
      cumulative[index] = total;
    }
    List<Bag> drawn = new ArrayList<>(bags);
    for (int index = 0; index < bags; index++) {
      int found = Arrays.binarySearch(cumulative, logistics.random().nextDouble() * total);
      Cell cell = cells.get(Math.min(found < 0 ? -found - 1 : found, cells.size() - 1));
      drawn.add(bag(cell));
    }
    drawn.sort(Comparator.comparingLong(Bag::timeSecond));
    List<SimulatedLot> lots = new ArrayList<>(bags);
    for (Bag bag : drawn) {
      lots.add(tag(bag));
    }
    return lots;
  }

  private Bag bag(Cell cell) {
    LocalDate day = cell.month().plusDays(logistics.random().nextInt(cell.month().lengthOfMonth()));
    long midnight = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long time = logistics.workingTime(midnight, cell.site().cooperative(), 7, 16);
    double triangular = (logistics.random().nextDouble() + logistics.random().nextDouble()) / 2;
    Geography.Scale scale = logistics.geography().scale();
    long mass =
        scale.bagMinimumGrams()
            + Math.round((scale.bagMaximumGrams() - scale.bagMinimumGrams()) * triangular);
    return new Bag(time, cell, mass, grade(cell.site().grades().get(cell.mineral())));
  }

  private long grade(GradeProfile profile) {
    double deviation = Math.max(-2.5, Math.min(2.5, logistics.random().nextGaussian()));
    long grade =
        Math.round(
            profile.mean().partsPerMillion() + deviation * profile.deviation().partsPerMillion());
    return Math.max(1, Math.min(Grade.MILLION, grade));
  }

  private SimulatedLot tag(Bag bag) {
    SiteProfile site = bag.cell().site();
    Chronicle chronicle = logistics.chronicle();
    String lotId = chronicle.newLotId();
    String tagNumber =
        chronicle.serial(
            logistics.geography().scale().tagPrefix() + "-" + site.site().country().code());
    Mineral mineral = bag.cell().mineral();
    // The field estimate: the true grade to the nearest whole percent.
    Grade estimate = new Grade(Math.round(bag.gradePartsPerMillion() / 10_000.0) * 10_000);
    long arrival =
        chronicle.record(
            site.cooperative(),
            bag.timeSecond(),
            logistics.uploadDelay(site.cooperative()),
            Long.MIN_VALUE,
            context ->
                new Tag(
                    context,
                    lotId,
                    tagNumber,
                    site.site().id(),
                    mineral,
                    bag.massGrams(),
                    estimate));
    SimulatedLot lot =
        new SimulatedLot(
            lotId,
            tagNumber,
            mineral,
            bag.gradePartsPerMillion(),
            site.site().id(),
            bag.massGrams(),
            site.cooperative(),
            bag.timeSecond(),
            arrival);
    lot.createdIndex = chronicle.lastIndex();
    return lot;
  }
}
