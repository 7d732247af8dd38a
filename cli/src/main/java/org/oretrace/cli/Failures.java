package org.oretrace.cli;

import java.io.UncheckedIOException;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.store.StoreException;
import org.oretrace.stream.StreamException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message a person can act on and an exit code a script can
 * test: bad input lists its violations (65), database and file problems say what failed (74),
 * anything else is a bug and shows its stack trace (70).
 */
final class Failures implements IExecutionExceptionHandler {

  private static final int MAX_VIOLATIONS_SHOWN = 20;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    switch (exception) {
      case InvalidInputException invalid -> {
        err.println("oretrace: refused, nothing was written:");
        invalid.violations().stream()
            .limit(MAX_VIOLATIONS_SHOWN)
            .map(Violation::toString)
            .forEach(line -> err.println("  " + line));
        int more = invalid.violations().size() - MAX_VIOLATIONS_SHOWN;
        if (more > 0) {
          err.println("  ... and " + more + " more");
        }
      }
      case UserError user -> err.println("oretrace: " + user.getMessage());
      case CompareBenchmark.Disagreement disagreement ->
          err.println("oretrace: benchmark failed: " + disagreement.getMessage());
      case StoreException store -> err.println("oretrace: database error: " + store.getMessage());
      case StreamException stream -> err.println("oretrace: Kafka: " + stream.getMessage());
      case UncheckedIOException io -> err.println("oretrace: " + io.getCause().getMessage());
      default -> {
        err.println("oretrace: internal error (please report it with the trace below)");
        exception.printStackTrace(err);
      }
    }
    err.flush();
    return exitCode(exception);
  }

  static int exitCode(Throwable exception) {
    return switch (exception) {
      case InvalidInputException invalid -> Main.EXIT_DATA;
      case UserError user -> user.exitCode();
      case CompareBenchmark.Disagreement disagreement -> Main.EXIT_SOFTWARE;
      case StoreException store -> Main.EXIT_IO;
      case StreamException stream -> Main.EXIT_IO;
      case UncheckedIOException io -> Main.EXIT_IO;
      case CommandLine.ParameterException parameter -> Main.EXIT_USAGE;
      default -> Main.EXIT_SOFTWARE;
    };
  }

  /** A problem the user can fix (missing file, unknown lot), with its exit code. */
  static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    UserError(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }
}
