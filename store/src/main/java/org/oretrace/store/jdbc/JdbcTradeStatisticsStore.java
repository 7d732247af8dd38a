package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.trade.TradeFlow;
import org.oretrace.core.trade.TradeStatistic;
import org.oretrace.store.TradeStatisticsStore;

/** Trade statistics in SQL: one row a line, upserted on its key. */
final class JdbcTradeStatisticsStore implements TradeStatisticsStore {

  private static final String COLUMNS =
      "reporter, partner, year, month, hs_code, flow, net_mass_grams, value_usd_cents";
  private static final String ORDER = " ORDER BY reporter, partner, year, month, hs_code, flow";

  private final Database database;

  JdbcTradeStatisticsStore(Database database) {
    this.database = database;
  }

  @Override
  public int put(List<TradeStatistic> lines, Instant at) {
    requireNonNull(lines, "lines is null");
    requireNonNull(at, "at is null");
    if (lines.isEmpty()) {
      return 0;
    }
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO trade_statistics ("
                      + COLUMNS
                      + ", imported_at_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (reporter, partner, year, month, hs_code, flow) DO UPDATE SET"
                      + " net_mass_grams = excluded.net_mass_grams,"
                      + " value_usd_cents = excluded.value_usd_cents,"
                      + " imported_at_millis = excluded.imported_at_millis")) {
            for (TradeStatistic line : lines) {
              statement.setString(1, line.reporter().code());
              statement.setString(2, line.partner().code());
              statement.setInt(3, line.year());
              statement.setInt(4, line.month());
              statement.setString(5, line.harmonizedSystemCode());
              statement.setString(6, line.flow().wireName());
              statement.setLong(7, line.netMassGrams());
              statement.setLong(8, line.valueUsdCents());
              statement.setLong(9, at.toEpochMilli());
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return lines.size();
        });
  }

  @Override
  public List<TradeStatistic> all() {
    return query("SELECT " + COLUMNS + " FROM trade_statistics" + ORDER, null);
  }

  @Override
  public List<TradeStatistic> involving(Country country) {
    requireNonNull(country, "country is null");
    return query(
        "SELECT " + COLUMNS + " FROM trade_statistics WHERE reporter = ? OR partner = ?" + ORDER,
        country.code());
  }

  @Override
  public long count() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT COUNT(*) FROM trade_statistics");
              ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  private List<TradeStatistic> query(String sql, String country) {
    return database.read(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (country != null) {
              statement.setString(1, country);
              statement.setString(2, country);
            }
            try (ResultSet rows = statement.executeQuery()) {
              List<TradeStatistic> lines = new ArrayList<>();
              while (rows.next()) {
                lines.add(line(rows));
              }
              return lines;
            }
          }
        });
  }

  private static TradeStatistic line(ResultSet rows) throws SQLException {
    return new TradeStatistic(
        Country.of(rows.getString(1)),
        Country.of(rows.getString(2)),
        rows.getInt(3),
        rows.getInt(4),
        rows.getString(5),
        TradeFlow.parse(rows.getString(6)),
        rows.getLong(7),
        rows.getLong(8));
  }
}
