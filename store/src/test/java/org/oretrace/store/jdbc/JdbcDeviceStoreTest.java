package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.field.Device;
import org.oretrace.core.field.DeviceKey;
import org.oretrace.store.sqlite.SqliteStore;

class JdbcDeviceStoreTest {

  @TempDir Path folder;

  @Test
  void registersOnceRevokesAndKeepsTheRecord() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Device device =
        new Device(
            "tablet-7",
            "coop-1",
            List.of("site-rubaya"),
            DeviceKey.generate().publicKey(),
            now,
            null);
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      assertThat(store.devices().register(device)).isTrue();
      assertThat(store.devices().register(device)).isFalse();
      store.devices().revoke("tablet-7", now.plusSeconds(5));
      store.devices().revoke("tablet-7", now.plusSeconds(50));
    }
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      assertThat(store.devices().devices())
          .singleElement()
          .isEqualTo(device.revokedAt(now.plusSeconds(5)));
    }
  }
}
