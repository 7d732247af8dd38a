package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bench compare} end to end on tiny data: the table's rows, and the agreement of both sides
 * (the run fails when the index and the recursive CTE, or Oretrace and DuckDB, disagree). The
 * PostgreSQL rows need a server (ORETRACE_TEST_POSTGRES_URL); without one that test is skipped with
 * a message, and the other shows the rows marked skipped.
 */
class CompareBenchmarkTest {

  private static final String POSTGRES = System.getenv(BenchCommand.Compare.POSTGRES_VARIABLE);

  @Test
  void comparesWithPostgresqlAndDuckDbOnTheSameData() {
    assumeTrue(
        POSTGRES != null && !POSTGRES.isBlank(),
        "ORETRACE_TEST_POSTGRES_URL is not set, so the PostgreSQL comparison test is SKIPPED");
    CommandRun run =
        run(
            "bench",
            "compare",
            "--lots",
            "7000",
            "--queries",
            "30",
            "--events",
            "30000",
            "--capture-lots",
            "60",
            "--repeats",
            "2",
            "--postgres",
            POSTGRES);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("| measure | Oretrace | peer | ratio | goal |")
        .containsPattern(
            "\\| trace upstream, lot ids, p50 \\(6,332 lots, 30 upstream traces.*"
                + "\\(lineage index\\) \\| [0-9.]+(µs|ms) \\(PostgreSQL [0-9.]+.* recursive CTE\\) \\| [0-9.]+x \\|")
        .containsPattern("\\| trace upstream, lot ids, p99 .* \\| >= 20x: (met|not met); < 10 ms")
        .containsPattern(
            "\\| mass balance of every actor per mineral and month, 30,000 events, [0-9,]+ books \\| "
                + "[0-9.]+ s, [0-9.]+ CPU-s \\(columnar scan, [0-9]+ threads\\) \\| "
                + "[0-9.]+ s, [0-9.]+ CPU-s \\(DuckDB v?[0-9.]+.* in process")
        .containsPattern(
            "\\| capture with the ledger, [0-9,]+ events .* \\| [0-9,]+ \\(SQLite\\) \\| "
                + "[0-9,]+ \\(Oretrace on PostgreSQL\\) \\| [0-9.]+x \\|")
        .contains("the index and the recursive CTE returned the same lots for all 30 traces")
        .containsPattern(
            "index traces \\(lot ids\\): CPU of the querying thread p50 [0-9.]+(µs|ms), p99"
                + " [0-9.]+(µs|ms); [0-9]+ of 30 queries ran during a garbage collection")
        .containsPattern("Oretrace and DuckDB computed the same [0-9,]+ books")
        .doesNotContain("skipped");
  }

  @Test
  void withoutPostgresqlThePeerRowsSaySkippedAndDuckDbStillAgrees() {
    CommandRun run =
        run(
            "bench",
            "compare",
            "--lots",
            "4000",
            "--queries",
            "5",
            "--events",
            "5000",
            "--capture-lots",
            "30",
            "--repeats",
            "1",
            "--threads",
            "2",
            "--no-postgres");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("\\| trace upstream, lot ids, p99 .* \\| skipped \\| - \\| < 10 ms")
        .containsPattern("\\| capture with the ledger, .* \\| skipped \\| - \\|")
        .containsPattern("Oretrace and DuckDB computed the same [0-9,]+ books")
        .contains("PostgreSQL rows skipped: --no-postgres given.");
  }

  @Test
  void aPostgresqlServerThatCannotBeReachedIsAnErrorNotASkip() {
    CommandRun run =
        run(
            "bench",
            "compare",
            "--lots",
            "4000",
            "--queries",
            "5",
            "--events",
            "5000",
            "--capture-lots",
            "30",
            "--repeats",
            "1",
            "--postgres",
            "jdbc:postgresql://localhost:1/none?connectTimeout=2");
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_IO);
    assertThat(run.err()).contains("database error", "cannot connect");
  }

  @Test
  void invalidSizesAreUsageErrors() {
    CommandRun run = run("bench", "compare", "--events", "0");
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("at least 1");
  }

  private static CommandRun run(String... arguments) {
    return CommandRun.of(arguments);
  }
}
