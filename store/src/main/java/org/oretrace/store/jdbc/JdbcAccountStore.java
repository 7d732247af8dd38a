package org.oretrace.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.store.AccountStore;

/** Organisations, users and sessions in SQL (migration V8), one row each. */
final class JdbcAccountStore implements AccountStore {

  private static final String ORGANISATION_COLUMNS = "id, name, type, country, actor_ids";
  private static final String USER_COLUMNS =
      "username, organisation, role, password_hash, created_at_millis";

  private final Database database;

  JdbcAccountStore(Database database) {
    this.database = database;
  }

  @Override
  public void putOrganisation(Organisation organisation) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO organisations ("
                      + ORGANISATION_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name ="
                      + " excluded.name, type = excluded.type, country = excluded.country,"
                      + " actor_ids = excluded.actor_ids")) {
            statement.setString(1, organisation.id());
            statement.setString(2, organisation.name());
            statement.setString(3, organisation.type().wireName());
            statement.setString(4, organisation.country().code());
            statement.setString(5, String.join(" ", organisation.actorIds()));
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Organisation> organisation(String id) {
    return database.read(
        connection -> organisations(connection, " WHERE id = ?", id).stream().findFirst());
  }

  @Override
  public List<Organisation> organisations() {
    return database.read(connection -> organisations(connection, "", null));
  }

  private static List<Organisation> organisations(
      Connection connection, String where, String parameter) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT " + ORGANISATION_COLUMNS + " FROM organisations" + where + " ORDER BY id")) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      List<Organisation> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String actors = rows.getString(5);
          found.add(
              new Organisation(
                  rows.getString(1),
                  rows.getString(2),
                  OrganisationType.fromWireName(rows.getString(3)),
                  new Country(rows.getString(4)),
                  actors.isEmpty() ? List.of() : Arrays.asList(actors.split(" "))));
        }
      }
      return found;
    }
  }

  @Override
  public boolean addUser(UserAccount user) {
    return database.write(
        connection -> {
          if (organisations(connection, " WHERE id = ?", user.organisationId()).isEmpty()) {
            throw new IllegalArgumentException(
                "organisation " + user.organisationId() + " is not registered");
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO users ("
                      + USER_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            statement.setString(1, user.username());
            statement.setString(2, user.organisationId());
            statement.setString(3, user.role().wireName());
            statement.setString(4, user.passwordHash());
            statement.setLong(5, user.createdAt().toEpochMilli());
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<UserAccount> user(String username) {
    return database.read(
        connection -> users(connection, " WHERE username = ?", username).stream().findFirst());
  }

  @Override
  public boolean setOrganisationAndRole(String username, String organisationId, Role role) {
    return database.write(
        connection -> {
          if (organisations(connection, " WHERE id = ?", organisationId).isEmpty()) {
            throw new IllegalArgumentException(
                "organisation " + organisationId + " is not registered");
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE users SET organisation = ?, role = ? WHERE username = ?")) {
            statement.setString(1, organisationId);
            statement.setString(2, role.wireName());
            statement.setString(3, username);
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean setPassword(String username, String passwordHash) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE users SET password_hash = ? WHERE username = ?")) {
            statement.setString(1, passwordHash);
            statement.setString(2, username);
            if (statement.executeUpdate() == 0) {
              return false;
            }
          }
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
            statement.setString(1, username);
            statement.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public List<UserAccount> users(String organisationId) {
    return database.read(
        connection ->
            organisationId == null
                ? users(connection, "", null)
                : users(connection, " WHERE organisation = ?", organisationId));
  }

  private static List<UserAccount> users(Connection connection, String where, String parameter)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT " + USER_COLUMNS + " FROM users" + where + " ORDER BY username")) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      List<UserAccount> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new UserAccount(
                  rows.getString(1),
                  rows.getString(2),
                  Role.fromWireName(rows.getString(3)),
                  rows.getString(4),
                  Instant.ofEpochMilli(rows.getLong(5))));
        }
      }
      return found;
    }
  }

  @Override
  public void addSession(Session session) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO sessions (secret_hash, username, created_at_millis,"
                      + " expires_at_millis) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, session.secretHash());
            statement.setString(2, session.username());
            statement.setLong(3, session.createdAt().toEpochMilli());
            statement.setLong(4, session.expiresAt().toEpochMilli());
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Session> session(String secretHash) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT username, created_at_millis, expires_at_millis FROM sessions"
                      + " WHERE secret_hash = ?")) {
            statement.setString(1, secretHash);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Session(
                      secretHash,
                      rows.getString(1),
                      Instant.ofEpochMilli(rows.getLong(2)),
                      Instant.ofEpochMilli(rows.getLong(3))));
            }
          }
        });
  }

  @Override
  public void removeSession(String secretHash) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM sessions WHERE secret_hash = ?")) {
            statement.setString(1, secretHash);
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public int removeExpiredSessions(Instant now) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM sessions WHERE expires_at_millis <= ?")) {
            statement.setLong(1, now.toEpochMilli());
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public void setSessionIdToken(String secretHash, String idToken) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE sessions SET id_token = ? WHERE secret_hash = ?")) {
            statement.setString(1, idToken);
            statement.setString(2, secretHash);
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<String> sessionIdToken(String secretHash) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT id_token FROM sessions WHERE secret_hash = ?")) {
            statement.setString(1, secretHash);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void addPendingLogin(PendingLogin login) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO oidc_pending_logins (state_hash, nonce, verifier,"
                      + " expires_at_millis) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, login.stateHash());
            statement.setString(2, login.nonce());
            statement.setString(3, login.verifier());
            statement.setLong(4, login.expiresAt().toEpochMilli());
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<PendingLogin> takePendingLogin(String stateHash, Instant now) {
    return database.write(
        connection -> {
          PendingLogin found = null;
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT nonce, verifier, expires_at_millis FROM oidc_pending_logins"
                      + " WHERE state_hash = ?")) {
            statement.setString(1, stateHash);
            try (ResultSet rows = statement.executeQuery()) {
              if (rows.next()) {
                found =
                    new PendingLogin(
                        stateHash,
                        rows.getString(1),
                        rows.getString(2),
                        Instant.ofEpochMilli(rows.getLong(3)));
              }
            }
          }
          if (found == null) {
            return Optional.<PendingLogin>empty();
          }
          // The delete decides who takes it: a second server deleting at once changes no row.
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM oidc_pending_logins WHERE state_hash = ?")) {
            statement.setString(1, stateHash);
            if (statement.executeUpdate() == 0) {
              return Optional.<PendingLogin>empty();
            }
          }
          return now.isBefore(found.expiresAt()) ? Optional.of(found) : Optional.empty();
        });
  }

  @Override
  public int removeExpiredPendingLogins(Instant now) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "DELETE FROM oidc_pending_logins WHERE expires_at_millis <= ?")) {
            statement.setLong(1, now.toEpochMilli());
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public long pendingLogins() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT COUNT(*) FROM oidc_pending_logins");
              ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }
}
