package org.oretrace.core.entities;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Identifiers;

/**
 * A person or a company that owns or directs an actor (or another company): a beneficial owner, a
 * director, an officer. Parties are not actors: they hold no lots; they are what financial
 * intelligence screens behind the actors.
 *
 * @param country nationality of a person, country of registration of a company, or null
 * @param birthYear year of birth of a person, or null
 * @param addresses postal addresses as written, one line each
 * @param phones telephone numbers as written
 * @param registrationNumbers company registration, tax or licence numbers
 */
public record Party(
    String id,
    PartyKind kind,
    String name,
    Country country,
    Integer birthYear,
    List<String> addresses,
    List<String> phones,
    List<String> registrationNumbers) {

  public Party {
    Identifiers.requireId(id, "id");
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("party " + id + " has a blank name");
    }
    if (birthYear != null && (birthYear < 1800 || birthYear > 2100)) {
      throw new IllegalArgumentException("party " + id + ": birth year out of range: " + birthYear);
    }
    if (birthYear != null && kind != PartyKind.PERSON) {
      throw new IllegalArgumentException("party " + id + ": only a person has a birth year");
    }
    addresses = nonBlank(addresses, "addresses");
    phones = nonBlank(phones, "phones");
    registrationNumbers = nonBlank(registrationNumbers, "registrationNumbers");
  }

  /** A party with a name and nothing else known. */
  public static Party named(String id, PartyKind kind, String name) {
    return new Party(id, kind, name, null, null, List.of(), List.of(), List.of());
  }

  private static List<String> nonBlank(List<String> values, String field) {
    List<String> copy = List.copyOf(requireNonNull(values, field + " is null"));
    for (String value : copy) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(field + " holds a blank value");
      }
    }
    return copy;
  }
}
