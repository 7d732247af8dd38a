package org.oretrace.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Store;
import org.oretrace.store.StoreException;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.ledger.LedgerVerifier;
import org.oretrace.store.ledger.LogKeyFile;

/**
 * What only PostgreSQL has: several server instances writing to one database. Two stores opened on
 * the same schema stand for two processes; their appends must still form one sequence and one log.
 */
class PostgresStoreTest {

  @TempDir Path folder;
  private TestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.Kind.POSTGRESQL.create(folder);
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void twoInstancesAppendingAtOnceKeepOneSequenceAndOneLog() throws Exception {
    Store first = database.openWithRegistry();
    Store second = database.open();
    int writers = 4;
    int batches = 10;
    int batchSize = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int writer = 0; writer < writers; writer++) {
        Store store = writer % 2 == 0 ? first : second;
        int base = writer * batches * batchSize;
        done.add(
            pool.submit(
                () -> {
                  for (int batch = 0; batch < batches; batch++) {
                    var events = LedgerFixtures.tags(base + batch * batchSize, batchSize);
                    store
                        .custody()
                        .append(new CustodyGraph().check(events, store.registry()), null);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    long total = (long) writers * batches * batchSize;
    assertThat(first.custody().eventCount()).isEqualTo(total);
    long registry = LedgerFixtures.REGISTRY_ENTRIES;
    assertThat(second.ledger().size()).isEqualTo(registry + total);
    assertThat(first.custody().events(0, (int) total + 1))
        .extracting(stored -> stored.sequence())
        .containsExactlyElementsOf(
            java.util.stream.LongStream.range(registry, registry + total).boxed().toList());
    // Writes sign at most once per signing interval; a reader of the checkpoint gets one that
    // covers
    // them (signed now), which verification then checks.
    first.ledger().latestCheckpoint();
    for (Store store : List.of(first, second)) {
      assertThat(
              new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(done -> {}))
          .satisfies(report -> assertThat(report.findings()).isEmpty());
    }
  }

  @Test
  void aServerThatCannotBeReachedIsAClearError() {
    LogKey key = LogKeyFile.loadOrCreate(folder.resolve("log.key"), LogKeyFile.DEFAULT_ORIGIN);
    assertThatThrownBy(
            () ->
                PostgresStore.open(
                    "jdbc:postgresql://127.0.0.1:1/none?user=nobody&password=secret",
                    key,
                    folder.resolve("evidence")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to PostgreSQL")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret");
  }
}
