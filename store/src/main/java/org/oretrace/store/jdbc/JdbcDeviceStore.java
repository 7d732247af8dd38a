package org.oretrace.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.field.Device;
import org.oretrace.store.DeviceStore;
import org.oretrace.store.json.DeviceJson;
import org.oretrace.store.json.Json;

/** Field devices in SQLite: one row a device, its wire form beside the columns lookups use. */
final class JdbcDeviceStore implements DeviceStore {

  private final Database database;

  JdbcDeviceStore(Database database) {
    this.database = database;
  }

  @Override
  public boolean register(Device device) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO devices (id, actor_id, public_key, registered_at_millis,"
                      + " revoked_at_millis, document) VALUES (?, ?, ?, ?, NULL, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            statement.setString(1, device.id());
            statement.setString(2, device.actorId());
            statement.setString(3, device.publicKey().toString());
            statement.setLong(4, device.registeredAt().toEpochMilli());
            statement.setString(5, Json.text(DeviceJson.encode(device)));
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<Device> device(String deviceId) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT document FROM devices WHERE id = ?")) {
            statement.setString(1, deviceId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(decode(rows.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<Device> devices() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT document FROM devices ORDER BY id");
              ResultSet rows = statement.executeQuery()) {
            List<Device> devices = new ArrayList<>();
            while (rows.next()) {
              devices.add(decode(rows.getString(1)));
            }
            return devices;
          }
        });
  }

  @Override
  public void revoke(String deviceId, Instant when) {
    database.write(
        connection -> {
          Device device;
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT document FROM devices WHERE id = ? AND revoked_at_millis IS NULL")) {
            statement.setString(1, deviceId);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return null;
              }
              device = decode(rows.getString(1)).revokedAt(when);
            }
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE devices SET revoked_at_millis = ?, document = ? WHERE id = ?")) {
            statement.setLong(1, device.revokedAt().toEpochMilli());
            statement.setString(2, Json.text(DeviceJson.encode(device)));
            statement.setString(3, deviceId);
            statement.executeUpdate();
          }
          return null;
        });
  }

  private static Device decode(String document) {
    return DeviceJson.decodeStored(
        Json.parse(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
