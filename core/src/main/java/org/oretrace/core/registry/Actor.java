package org.oretrace.core.registry;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;

/**
 * A party in the supply chain: a cooperative, trader, comptoir, processor, smelter, transporter or
 * customs office.
 *
 * @param location where it operates (its depot or office), or null when unknown
 * @param licence its licence, or null when it holds none
 */
public record Actor(
    String id, String name, ActorKind kind, Country country, GeoPoint location, Licence licence) {

  public Actor {
    Identifiers.requireId(id, "id");
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(country, "country is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name is blank");
    }
  }

  public Optional<GeoPoint> optionalLocation() {
    return Optional.ofNullable(location);
  }

  public Optional<Licence> optionalLicence() {
    return Optional.ofNullable(licence);
  }
}
