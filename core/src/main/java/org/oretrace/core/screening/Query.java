package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A name to screen, with the optional facts that raise or lower a match's score.
 *
 * @param country a country name or ISO 3166-1 alpha-2 code (nationality, registration or address),
 *     or null
 * @param type what the name designates, or null when unknown
 * @param birthYear the year of birth of a person, or null
 */
public record Query(String name, String country, EntityType type, Integer birthYear) {

  public Query {
    requireNonNull(name, "name is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name to screen is blank");
    }
    if (country != null && country.isBlank()) {
      country = null;
    }
    if (birthYear != null && (birthYear < 1800 || birthYear > 2100)) {
      throw new IllegalArgumentException("birth year out of range: " + birthYear);
    }
  }

  public static Query of(String name) {
    return new Query(name, null, null, null);
  }

  public Optional<String> optionalCountry() {
    return Optional.ofNullable(country);
  }

  public Optional<EntityType> optionalType() {
    return Optional.ofNullable(type);
  }

  public Optional<Integer> optionalBirthYear() {
    return Optional.ofNullable(birthYear);
  }
}
