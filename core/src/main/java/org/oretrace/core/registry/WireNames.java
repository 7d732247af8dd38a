package org.oretrace.core.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case, hyphenated wire names of Oretrace's enums with a helpful error. */
public final class WireNames {

  private WireNames() {}

  /** The wire name of a constant: {@code ICGLR_STATUS} becomes {@code icglr-status}. */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static <E extends Enum<E>> E parse(Class<E> type, String name) {
    if (name != null) {
      String constant = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      for (E value : type.getEnumConstants()) {
        if (value.name().equals(constant)) {
          return value;
        }
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("'" + name + "' is not one of: " + allowed);
  }
}
