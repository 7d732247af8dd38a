package org.oretrace.store.trade;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oretrace.core.Country;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.trade.TradeFlow;
import org.oretrace.core.trade.TradeStatistic;
import org.oretrace.store.watchlist.CsvReader;

/**
 * Reads national trade statistics from a Comtrade-like CSV file with a header row. Columns are
 * found by name, case and punctuation ignored, under our names or UN Comtrade's:
 *
 * <ul>
 *   <li>reporter ({@code reporterISO}), partner ({@code partnerISO}): ISO 3166 alpha-2 or alpha-3;
 *   <li>year ({@code refYear}, or {@code period} as YYYY or YYYYMM), and optionally month ({@code
 *       refMonth}; empty, 0 or Comtrade's 52 for the whole year);
 *   <li>hs ({@code cmdCode}): the HS code, 2 to 6 digits;
 *   <li>flow ({@code flowCode}): export or import (X or M);
 *   <li>net mass in kg ({@code netWgt}, {@code netMassKg}): a decimal;
 *   <li>optionally value in US dollars ({@code primaryValue}, {@code valueUsd}).
 * </ul>
 *
 * <p>The whole file is read before anything is stored; every bad cell is reported with its line and
 * column in one {@link InvalidInputException}.
 */
public final class TradeStatisticsCsv {

  private static final int MAXIMUM_VIOLATIONS = 100;
  private static final Map<String, String> ALPHA3 = alpha3();

  private static final Map<String, List<String>> COLUMNS =
      Map.of(
          "reporter", List.of("reporter", "reporteriso", "reportercode"),
          "partner", List.of("partner", "partneriso", "partnercode"),
          "year", List.of("year", "refyear", "period"),
          "month", List.of("month", "refmonth"),
          "hs", List.of("hs", "hscode", "cmdcode", "commodity", "commoditycode"),
          "flow", List.of("flow", "flowcode", "flowdesc", "tradeflow"),
          "mass", List.of("netmasskg", "netwgt", "netweight", "netweightkg", "netmass"),
          "value", List.of("valueusd", "primaryvalue", "tradevalue", "value"));

  private TradeStatisticsCsv() {}

  public static List<TradeStatistic> read(Reader reader, String fileName) throws IOException {
    requireNonNull(reader, "reader is null");
    CsvReader csv = new CsvReader(reader, fileName);
    List<String> header = csv.next();
    if (header == null) {
      throw InvalidInputException.of("", fileName + " is empty: expected a header row");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int index = 0; index < header.size(); index++) {
      String name = header.get(index).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
        if (column.getValue().contains(name) && !columns.containsKey(column.getKey())) {
          columns.put(column.getKey(), index);
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    for (String required : List.of("reporter", "partner", "year", "hs", "flow", "mass")) {
      if (!columns.containsKey(required)) {
        violations.add(
            Violation.of(-1, required, "no " + required + " column; the header has " + header));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    List<TradeStatistic> lines = new ArrayList<>();
    List<String> record;
    int item = 0;
    while ((record = csv.next()) != null) {
      if (record.size() == 1 && record.getFirst().isBlank()) {
        continue;
      }
      int line = csv.recordLine();
      try {
        lines.add(line(record, columns));
      } catch (IllegalArgumentException | ArithmeticException e) {
        if (violations.size() < MAXIMUM_VIOLATIONS) {
          violations.add(Violation.of(item, "line " + line, e.getMessage()));
        }
      }
      item++;
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return lines;
  }

  private static TradeStatistic line(List<String> record, Map<String, Integer> columns) {
    String period = cell(record, columns, "year");
    int year;
    int month = 0;
    if (period.matches("[0-9]{6}")) {
      year = Integer.parseInt(period.substring(0, 4));
      month = Integer.parseInt(period.substring(4));
    } else if (period.matches("[0-9]{4}")) {
      year = Integer.parseInt(period);
    } else {
      throw new IllegalArgumentException("year '" + period + "' is not YYYY or YYYYMM");
    }
    String monthText = cell(record, columns, "month");
    if (!monthText.isEmpty()) {
      if (!monthText.matches("[0-9]{1,2}")) {
        throw new IllegalArgumentException("month '" + monthText + "' is not 1-12");
      }
      month = Integer.parseInt(monthText) == 52 ? 0 : Integer.parseInt(monthText);
    }
    String value = cell(record, columns, "value");
    return new TradeStatistic(
        country(cell(record, columns, "reporter"), "reporter"),
        country(cell(record, columns, "partner"), "partner"),
        year,
        month,
        cell(record, columns, "hs"),
        TradeFlow.parse(cell(record, columns, "flow")),
        thousandths(cell(record, columns, "mass"), "net mass"),
        value.isEmpty() ? -1 : hundredths(value));
  }

  private static String cell(List<String> record, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    return index == null || index >= record.size() ? "" : record.get(index).trim();
  }

  private static Country country(String code, String what) {
    String upper = code.toUpperCase(Locale.ROOT);
    if (upper.length() == 3 && ALPHA3.containsKey(upper)) {
      return Country.of(ALPHA3.get(upper));
    }
    if (upper.length() != 2) {
      throw new IllegalArgumentException(what + " '" + code + "' is not an ISO 3166 country code");
    }
    return Country.of(upper);
  }

  /** Kilograms as a decimal to whole grams. */
  private static long thousandths(String text, String what) {
    try {
      return new BigDecimal(text)
          .movePointRight(3)
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + text + "' is not a number of kilograms", e);
    }
  }

  private static long hundredths(String text) {
    try {
      return new BigDecimal(text)
          .movePointRight(2)
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value '" + text + "' is not a number of US dollars", e);
    }
  }

  private static Map<String, String> alpha3() {
    Map<String, String> codes = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      codes.put(Locale.of("", alpha2).getISO3Country(), alpha2);
    }
    return codes;
  }

  /** Writes lines in the format {@link #read} reads, with our column names. */
  public static String write(List<TradeStatistic> lines) {
    StringBuilder text =
        new StringBuilder("reporter,partner,year,month,hs,flow,netMassKg,valueUsd\n");
    for (TradeStatistic line : lines) {
      text.append(line.reporter())
          .append(',')
          .append(line.partner())
          .append(',')
          .append(line.year())
          .append(',')
          .append(line.month())
          .append(',')
          .append(line.harmonizedSystemCode())
          .append(',')
          .append(line.flow().wireName())
          .append(',')
          .append(BigDecimal.valueOf(line.netMassGrams()).movePointLeft(3).toPlainString())
          .append(',')
          .append(
              line.valueUsdCents() < 0
                  ? ""
                  : BigDecimal.valueOf(line.valueUsdCents()).movePointLeft(2).toPlainString())
          .append('\n');
    }
    return text.toString();
  }
}
