package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.trade.RecordedTrade;
import org.oretrace.core.trade.RecordedTrade.Cell;
import org.oretrace.core.trade.RecordedTrade.TradedLot;
import org.oretrace.core.trade.TradeFlow;
import org.oretrace.store.TradeTotalsStore;

/**
 * Trade totals in SQL: cells and live lots upserted (lots no longer live deleted) and the watermark
 * moved in the same write transaction, which first checks the watermark is the one the changes
 * start from, so that two processes counting the same record never add a change twice.
 */
final class JdbcTradeTotalsStore implements TradeTotalsStore {

  private final Database database;

  JdbcTradeTotalsStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Snapshot> load() {
    return database.read(
        connection -> {
          Optional<Long> next = watermark(connection);
          if (next.isEmpty()) {
            return Optional.empty();
          }
          List<Cell> cells = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT country, partner, mineral, year, month, flow, grams FROM trade_totals");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              cells.add(
                  new Cell(
                      Country.of(rows.getString(1)),
                      Country.of(rows.getString(2)),
                      Mineral.valueOf(rows.getString(3)),
                      rows.getInt(4),
                      rows.getInt(5),
                      TradeFlow.parse(rows.getString(6)),
                      rows.getLong(7)));
            }
          }
          Map<String, TradedLot> lots = new HashMap<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT lot_id, mineral, mass_grams FROM trade_lots");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              lots.put(
                  rows.getString(1),
                  new TradedLot(Mineral.valueOf(rows.getString(2)), rows.getLong(3)));
            }
          }
          return Optional.of(new Snapshot(next.get(), cells, lots));
        });
  }

  @Override
  public boolean update(long fromSequence, long nextSequence, RecordedTrade.Changes changes) {
    requireNonNull(changes, "changes is null");
    return database.write(
        connection -> {
          long stored = watermark(connection).orElse(0L);
          if (stored != fromSequence) {
            return false;
          }
          write(connection, nextSequence, changes);
          return true;
        });
  }

  @Override
  public void replace(long nextSequence, RecordedTrade.Changes state) {
    requireNonNull(state, "state is null");
    database.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM trade_totals");
            statement.executeUpdate("DELETE FROM trade_lots");
          }
          write(connection, nextSequence, state);
          return null;
        });
  }

  private static void write(Connection connection, long nextSequence, RecordedTrade.Changes changes)
      throws SQLException {
    if (!changes.cells().isEmpty()) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "INSERT INTO trade_totals (country, partner, mineral, year, month, flow, grams)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (country, partner, mineral, year, month, flow)"
                  + " DO UPDATE SET grams = excluded.grams")) {
        for (Cell cell : changes.cells()) {
          statement.setString(1, cell.country().code());
          statement.setString(2, cell.partner().code());
          statement.setString(3, cell.mineral().name());
          statement.setInt(4, cell.year());
          statement.setInt(5, cell.month());
          statement.setString(6, cell.flow().wireName());
          statement.setLong(7, cell.grams());
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    if (!changes.lots().isEmpty()) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "INSERT INTO trade_lots (lot_id, mineral, mass_grams) VALUES (?, ?, ?)"
                  + " ON CONFLICT (lot_id) DO UPDATE SET mineral = excluded.mineral,"
                  + " mass_grams = excluded.mass_grams")) {
        for (Map.Entry<String, TradedLot> lot : changes.lots().entrySet()) {
          statement.setString(1, lot.getKey());
          statement.setString(2, lot.getValue().mineral().name());
          statement.setLong(3, lot.getValue().massGrams());
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    if (!changes.removedLots().isEmpty()) {
      try (PreparedStatement statement =
          connection.prepareStatement("DELETE FROM trade_lots WHERE lot_id = ?")) {
        for (String lotId : changes.removedLots()) {
          statement.setString(1, lotId);
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO trade_totals_watermark (id, next_sequence) VALUES (1, ?)"
                + " ON CONFLICT (id) DO UPDATE SET next_sequence = excluded.next_sequence")) {
      statement.setLong(1, nextSequence);
      statement.executeUpdate();
    }
  }

  private static Optional<Long> watermark(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT next_sequence FROM trade_totals_watermark WHERE id = 1");
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
    }
  }
}
