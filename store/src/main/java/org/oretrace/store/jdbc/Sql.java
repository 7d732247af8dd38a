package org.oretrace.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;

/**
 * A WHERE clause assembled from optional filters, with its parameters in order, and the one way the
 * stores page through a table under it.
 */
final class Sql {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  Sql and(String condition, Object parameter) {
    conditions.add(condition);
    parameters.add(parameter);
    return this;
  }

  String clause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Maps the current row of a result set. */
  interface Row<T> {
    T map(ResultSet rows) throws SQLException;
  }

  /**
   * One page of {@code SELECT columns FROM table} under this clause in the given order, with the
   * number of rows that match in all.
   */
  <T> Page<T> page(
      Connection connection,
      String columns,
      String table,
      String order,
      PageRequest page,
      Row<T> row)
      throws SQLException {
    long total;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM " + table + clause())) {
      bind(statement, 1);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        total = rows.getLong(1);
      }
    }
    List<T> items = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT "
                + columns
                + " FROM "
                + table
                + clause()
                + " ORDER BY "
                + order
                + " LIMIT ? OFFSET ?")) {
      int next = bind(statement, 1);
      statement.setInt(next, page.limit());
      statement.setLong(next + 1, page.offset());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          items.add(row.map(rows));
        }
      }
    }
    return new Page<>(items, page.offset(), total);
  }

  /** Binds the parameters from position {@code first}; returns the next free position. */
  int bind(PreparedStatement statement, int first) throws SQLException {
    int position = first;
    for (Object parameter : parameters) {
      statement.setObject(position++, parameter);
    }
    return position;
  }
}
