package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs {@code oretrace bench customs} on a small simulated world and reads its one line. */
class CustomsBenchmarkTest {

  @Test
  void printsTimesAndTheVerdictsOfEveryDeclaration() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    int exitCode;
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      exitCode =
          Main.commandLine().execute("bench", "customs", "--lots", "300", "--declarations", "200");
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String line = outBytes.toString(StandardCharsets.UTF_8).strip();

    assertThat(exitCode).isZero();
    assertThat(line).startsWith("customs: lots=").contains("declarations=200", "p50=", "p99=");
    int go = Integer.parseInt(line.replaceAll(".* go=([0-9,]+) .*", "$1").replace(",", ""));
    int noGo = Integer.parseInt(line.replaceAll(".* no-go=([0-9,]+) .*", "$1").replace(",", ""));
    assertThat(go + noGo).isEqualTo(200);
    assertThat(Main.commandLine().execute("bench", "customs", "--declarations", "0"))
        .isEqualTo(Main.EXIT_USAGE);
  }
}
