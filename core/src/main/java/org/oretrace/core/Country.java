package org.oretrace.core;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * A country by its ISO 3166-1 alpha-2 code ("CD", "RW"). Only assigned codes are accepted, so a
 * typo is caught at the border of the system rather than in a report.
 */
public record Country(String code) {

  private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

  public Country {
    requireNonNull(code, "code is null");
    if (!ASSIGNED.contains(code)) {
      throw new IllegalArgumentException(
          "not an ISO 3166-1 alpha-2 country code: '" + code + "' (use upper case, e.g. CD, RW)");
    }
  }

  public static Country of(String code) {
    return new Country(code);
  }

  /** The English short name, e.g. "Congo (DRC)". */
  public String displayName() {
    return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
  }

  @Override
  public String toString() {
    return code;
  }
}
