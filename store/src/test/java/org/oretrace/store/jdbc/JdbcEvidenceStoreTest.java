package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.EvidenceStore.EvidenceFile;
import org.oretrace.store.StoreException;
import org.oretrace.store.sqlite.SqliteStore;

class JdbcEvidenceStoreTest {

  @TempDir Path folder;

  @Test
  void storesByDigestIdempotentlyAndSurvivesReopening() {
    byte[] slip = "weighing slip: 40.000 kg".getBytes(StandardCharsets.UTF_8);
    EvidenceFile first;
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      first = store.evidence().put(slip, "text/plain");
      assertThat(store.evidence().put(slip, "text/plain")).isEqualTo(first);
      assertThat(first.sha256()).isEqualTo(JdbcEvidenceStore.sha256(slip));
    }
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      assertThat(store.evidence().read(first.sha256())).hasValue(slip);
      assertThat(store.evidence().read("0".repeat(64))).isEmpty();
    }
  }

  @Test
  void refusesToServeAFileChangedOnDisk() throws Exception {
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      EvidenceFile file = store.evidence().put(new byte[] {1, 2, 3}, "image/jpeg");
      Path stored =
          folder
              .resolve(SqliteStore.EVIDENCE_FOLDER)
              .resolve(file.sha256().substring(0, 2))
              .resolve(file.sha256());
      Files.write(stored, new byte[] {1, 2, 4});
      assertThatThrownBy(() -> store.evidence().read(file.sha256()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("changed on disk");
    }
  }
}
