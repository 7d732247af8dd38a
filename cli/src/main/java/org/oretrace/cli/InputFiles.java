package org.oretrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the user names on the command line: a missing one is a usage error with exit code 66. */
final class InputFiles {

  private InputFiles() {}

  /** Fails with {@link Main#EXIT_NO_INPUT} unless the file exists and is a regular file. */
  static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new Failures.UserError(Main.EXIT_NO_INPUT, "no such file: " + file);
    }
  }

  /** The file's text, as UTF-8. */
  static String text(Path file) {
    requireFile(file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
