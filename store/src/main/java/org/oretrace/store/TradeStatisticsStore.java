package org.oretrace.store;

import java.time.Instant;
import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.trade.TradeStatistic;

/**
 * National trade statistics as imported: one line per reporter, partner, period, commodity and
 * direction ({@link TradeStatistic#key()}); importing a line again replaces its figures.
 */
public interface TradeStatisticsStore {

  /** Stores the lines in one transaction, replacing lines with the same key; returns how many. */
  int put(List<TradeStatistic> lines, Instant at);

  /** Every line, in reporter, partner, year, month, commodity and direction order. */
  List<TradeStatistic> all();

  /** The lines a country reported or is the partner of. */
  List<TradeStatistic> involving(Country country);

  long count();
}
