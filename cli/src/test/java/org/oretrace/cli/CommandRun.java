package org.oretrace.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The oretrace command run in process, with what it wrote to standard output and error. Commands
 * write both through picocli's writers and through {@code System.out}/{@code System.err}, so both
 * are captured into the same two buffers; runs are serialised because the system streams are
 * shared.
 */
record CommandRun(int exitCode, String out, String err) {

  static synchronized CommandRun of(String... arguments) {
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      System.setErr(err);
      CommandLine commandLine = Main.commandLine();
      commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
      commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int exitCode = commandLine.execute(arguments);
      commandLine.getOut().flush();
      commandLine.getErr().flush();
      return new CommandRun(
          exitCode,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
  }
}
