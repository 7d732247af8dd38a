package org.oretrace.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The set-up store tests share: each test gets a new, empty {@link TestDatabase} of the kind the
 * class is run for, in a temporary folder, and the database (with every store opened on it) is
 * closed and dropped after the test. A subclass is a {@code @ParameterizedClass} over {@link
 * TestDatabase.Kind} (with {@code @EnumSource(TestDatabase.Kind.class)}), so that every test runs
 * on SQLite and on PostgreSQL; its own {@code @BeforeEach} methods run after the database exists.
 */
public abstract class DatabaseTest {

  @Parameter protected TestDatabase.Kind kind;
  @TempDir protected Path folder;
  protected TestDatabase database;

  @BeforeEach
  protected final void createDatabase() {
    database = kind.create(folder);
  }

  @AfterEach
  protected final void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
