package org.oretrace.server.stats;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;
import org.oretrace.core.registry.Mineral;

/**
 * Masses per month: every month from the first to the last with any mass (none skipped), and one
 * series per mineral and measure with one value per month.
 */
public record MonthlyMasses(List<YearMonth> months, List<Series> series) {

  public MonthlyMasses {
    months = List.copyOf(requireNonNull(months, "months is null"));
    series = List.copyOf(requireNonNull(series, "series is null"));
  }

  /**
   * One mineral's mass per month for one measure.
   *
   * @param measure {@code tagged}, {@code exported}, {@code in} or {@code out}
   * @param massGrams one value per month, in the order of {@link MonthlyMasses#months()}
   */
  public record Series(Mineral mineral, String measure, long[] massGrams) {
    public Series {
      requireNonNull(mineral, "mineral is null");
      requireNonNull(measure, "measure is null");
      massGrams = requireNonNull(massGrams, "massGrams is null").clone();
    }

    @Override
    public long[] massGrams() {
      return massGrams.clone();
    }

    public long totalGrams() {
      long total = 0;
      for (long grams : massGrams) {
        total += grams;
      }
      return total;
    }
  }
}
