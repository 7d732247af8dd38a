package org.oretrace.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.oretrace.core.access.Role;
import org.oretrace.store.TokenStore;

/** API tokens in SQL, by the hash of their secret. */
final class JdbcTokenStore implements TokenStore {

  private final Database database;

  JdbcTokenStore(Database database) {
    this.database = database;
  }

  @Override
  public void add(ApiToken token) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO api_tokens (secret_hash, organisation, role, created_at_millis)"
                      + " VALUES (?, ?, ?, ?)")) {
            statement.setString(1, token.secretHash());
            statement.setString(2, token.organisation());
            statement.setString(3, token.role().wireName());
            statement.setLong(4, token.createdAt().toEpochMilli());
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<ApiToken> findByHash(String secretHash) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT organisation, role, created_at_millis FROM api_tokens WHERE secret_hash = ?")) {
            statement.setString(1, secretHash);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new ApiToken(
                      secretHash,
                      rows.getString(1),
                      Role.fromWireName(rows.getString(2)),
                      Instant.ofEpochMilli(rows.getLong(3))));
            }
          }
        });
  }
}
