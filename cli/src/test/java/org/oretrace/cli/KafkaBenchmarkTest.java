package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code bench kafka} end to end: a real KRaft broker in the JVM, the publisher and detect-stream,
 * and the check of the stream's alerts against the embedded engine's.
 */
class KafkaBenchmarkTest {

  @Test
  void printsTheFiguresAndAgreesWithTheEmbeddedEngine() {
    CommandRun run =
        CommandRun.of(
            "bench", "kafka", "--lots", "150", "--batch-size", "100", "--partitions", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "kafka: [0-9,]+ events \\(150 lots\\) through an in-JVM KRaft broker, 3 event"
                + " partitions: recorded and published [0-9,]+ events/s; detect-stream judged"
                + " [0-9,]+ events/s; [1-9][0-9,]* alerts, latency from commit to stored alert p50"
                + " [0-9]+ ms, p99 [0-9]+ ms, max [0-9]+ ms; [0-9.]+ process CPU-s")
        .contains("the stream's alerts equal the embedded engine's");
  }

  @Test
  void refusesAnEmptyWorld() {
    CommandRun run = CommandRun.of("bench", "kafka", "--lots", "0");

    assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
  }
}
