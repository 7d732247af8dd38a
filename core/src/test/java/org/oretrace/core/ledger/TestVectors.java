package org.oretrace.core.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the transparency-dev/merkle test vectors copied under {@code merkle/testdata} (see the
 * LICENSE and SOURCE files beside them). The files are flat JSON objects of numbers, booleans,
 * base64 strings and arrays of base64 strings, which a few regular expressions read reliably.
 */
final class TestVectors {

  private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":\\s*(-?\\d+)");
  private static final Pattern STRING = Pattern.compile("\"(\\w+)\":\\s*\"([^\"]*)\"");
  private static final Pattern BOOLEAN = Pattern.compile("\"(\\w+)\":\\s*(true|false)");
  private static final Pattern PROOF = Pattern.compile("\"proof\":\\s*(null|\\[[^\\]]*\\])");
  private static final Pattern ARRAY_ELEMENT = Pattern.compile("\"([^\"]*)\"");

  private TestVectors() {}

  /** One vector file: its path under testdata and its fields. */
  record Vector(String path, String json) {

    long number(String field) {
      return Long.parseUnsignedLong(find(NUMBER, field)); // uint64 in Go: above 2^63 wraps negative
    }

    byte[] bytes(String field) {
      return Base64.getDecoder().decode(find(STRING, field));
    }

    String text(String field) {
      return find(STRING, field);
    }

    boolean wantError() {
      return Boolean.parseBoolean(find(BOOLEAN, "wantErr"));
    }

    List<byte[]> proof() {
      Matcher matcher = PROOF.matcher(json);
      if (!matcher.find()) {
        throw new IllegalStateException(path + " has no proof");
      }
      List<byte[]> proof = new ArrayList<>();
      Matcher element = ARRAY_ELEMENT.matcher(matcher.group(1));
      while (element.find()) {
        proof.add(Base64.getDecoder().decode(element.group(1)));
      }
      return proof;
    }

    private String find(Pattern pattern, String field) {
      Matcher matcher = pattern.matcher(json);
      while (matcher.find()) {
        if (matcher.group(1).equals(field)) {
          return matcher.group(2);
        }
      }
      throw new IllegalStateException(path + " has no field " + field);
    }

    @Override
    public String toString() {
      return path;
    }
  }

  /** Every vector under {@code merkle/testdata/<kind>}, sorted by path. */
  static List<Vector> all(String kind) {
    Path root = testdataRoot();
    try (Stream<Path> files = Files.walk(root.resolve(kind))) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .map(file -> new Vector(root.relativize(file).toString(), read(file)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path testdataRoot() {
    URL url = TestVectors.class.getResource("/merkle/testdata");
    if (url == null) {
      throw new IllegalStateException("merkle/testdata is not on the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
