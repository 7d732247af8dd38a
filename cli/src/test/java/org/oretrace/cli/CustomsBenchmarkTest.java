package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs {@code oretrace bench customs} on a small simulated world and reads its one line. */
class CustomsBenchmarkTest {

  @Test
  void printsTimesAndTheVerdictsOfEveryDeclaration() {
    CommandRun run = CommandRun.of("bench", "customs", "--lots", "300", "--declarations", "200");
    int exitCode = run.exitCode();
    String line = run.out().strip();

    assertThat(exitCode).isZero();
    assertThat(line).startsWith("customs: lots=").contains("declarations=200", "p50=", "p99=");
    int go = Integer.parseInt(line.replaceAll(".* go=([0-9,]+) .*", "$1").replace(",", ""));
    int noGo = Integer.parseInt(line.replaceAll(".* no-go=([0-9,]+) .*", "$1").replace(",", ""));
    assertThat(go + noGo).isEqualTo(200);
    assertThat(Main.commandLine().execute("bench", "customs", "--declarations", "0"))
        .isEqualTo(Main.EXIT_USAGE);
  }
}
