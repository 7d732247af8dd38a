package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.Stores;
import org.oretrace.store.sqlite.SqliteStore;

class AccountCommandsTest {

  @TempDir Path folder;

  @Test
  void userAddRefusesNamesReservedForOidcUsersAndWritesNothing() {
    Path data = folder.resolve("data");
    CommandRun organisation =
        CommandRun.of(
            "org",
            "add",
            "--data",
            data.toString(),
            "--id",
            "cd-mines",
            "--name",
            "Mines",
            "--type",
            "regulator",
            "--country",
            "CD");
    assertThat(organisation.exitCode()).as(organisation.err()).isZero();

    CommandRun refused =
        CommandRun.of(
            "user",
            "add",
            "--data",
            data.toString(),
            "--username",
            "oidc:alice",
            "--org",
            "cd-mines",
            "--role",
            "analyst");

    assertThat(refused.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(refused.err())
        .contains("--username")
        .contains("'oidc:'")
        .contains("reserved for users of the identity provider");
    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE))) {
      assertThat(store.accounts().user("oidc:alice")).isEmpty();
    }
  }
}
