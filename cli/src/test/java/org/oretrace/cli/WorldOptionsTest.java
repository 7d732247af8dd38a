package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each command that simulates a world keeps its own --lots and --seed defaults through the mixin.
 */
class WorldOptionsTest {

  @Test
  void eachCommandShowsItsOwnDefaults() {
    assertThat(help("bench", "capture")).contains("(default: 100000)", "(default: 42)");
    assertThat(help("bench", "detect")).contains("(default: 10000)", "(default: 1001)");
    assertThat(help("bench", "epcis")).contains("(default: 20000)", "(default: 42)");
    assertThat(help("bench", "customs")).contains("(default: 10000)", "(default: 1001)");
    assertThat(help("bench", "kafka")).contains("(default: 2000)", "(default: 42)");
    assertThat(help("demo")).contains("--lots=<lots>", "(default: 2000)", "(default: 42)");
  }

  @Test
  void aGivenValueReplacesTheDefaultOnlyForThatRun() {
    assertThat(Main.commandLine().execute("bench", "customs", "--lots", "0"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.commandLine().execute("demo", "--lots", "0")).isEqualTo(Main.EXIT_USAGE);
    assertThat(help("bench", "customs")).contains("(default: 10000)");
  }

  private static String help(String... command) {
    String[] arguments = new String[command.length + 1];
    System.arraycopy(command, 0, arguments, 0, command.length);
    arguments[command.length] = "--help";
    CommandRun run = CommandRun.of(arguments);
    assertThat(run.exitCode()).isZero();
    return run.out();
  }
}
