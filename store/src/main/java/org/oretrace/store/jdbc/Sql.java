package org.oretrace.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause assembled from optional filters, with its parameters in order. */
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

  /** Binds the parameters from position {@code first}; returns the next free position. */
  int bind(PreparedStatement statement, int first) throws SQLException {
    int position = first;
    for (Object parameter : parameters) {
      statement.setObject(position++, parameter);
    }
    return position;
  }
}
