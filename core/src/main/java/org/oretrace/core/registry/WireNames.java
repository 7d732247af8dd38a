package org.oretrace.core.registry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Parses the lower-case, hyphenated wire names of Oretrace's enums with a helpful error. */
public final class WireNames {

  private WireNames() {}

  /** The wire name of a constant: {@code ICGLR_STATUS} becomes {@code icglr-status}. */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Each enum's constants by their exact wire name: the fast path of {@link #parse}, which the
   * capture path calls for every event's type and mineral. Only names the general rule maps back to
   * their own constant are here, so both paths agree.
   */
  private static final ClassValue<Map<String, Enum<?>>> BY_WIRE_NAME =
      new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
          Map<String, Enum<?>> constants = new HashMap<>();
          for (Object constant : type.getEnumConstants()) {
            Enum<?> value = (Enum<?>) constant;
            if (constantName(of(value)).equals(value.name())) {
              constants.put(of(value), value);
            }
          }
          return Map.copyOf(constants);
        }
      };

  public static <E extends Enum<E>> E parse(Class<E> type, String name) {
    Enum<?> exact = name == null ? null : BY_WIRE_NAME.get(type).get(name);
    if (exact != null) {
      return type.cast(exact);
    }
    E value = byRule(type, name);
    if (value != null) {
      return value;
    }
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("'" + name + "' is not one of: " + allowed);
  }

  /** The constant a name stands for (trimmed, any case, hyphens or spaces for underscores). */
  private static <E extends Enum<E>> E byRule(Class<E> type, String name) {
    if (name != null) {
      String constant = constantName(name);
      for (E value : type.getEnumConstants()) {
        if (value.name().equals(constant)) {
          return value;
        }
      }
    }
    return null;
  }

  private static String constantName(String name) {
    return name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }
}
