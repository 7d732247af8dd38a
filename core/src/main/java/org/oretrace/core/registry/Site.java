package org.oretrace.core.registry;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;

/**
 * A mine site: where it is, what it produces and how much it can (assessed capacity in kilograms a
 * month per mineral), and what is known of its risks.
 *
 * @param cahra whether the site lies in a conflict-affected or high-risk area (OECD sense)
 */
public record Site(
    String id,
    String name,
    Country country,
    GeoPoint location,
    Set<Mineral> minerals,
    Map<Mineral, Long> capacityKilogramsPerMonth,
    IcglrStatus icglrStatus,
    ArmedGroupPresence armedGroupPresence,
    boolean cahra) {

  public Site {
    Identifiers.requireId(id, "id");
    requireNonNull(name, "name is null");
    requireNonNull(country, "country is null");
    requireNonNull(location, "location is null");
    requireNonNull(minerals, "minerals is null");
    requireNonNull(capacityKilogramsPerMonth, "capacityKilogramsPerMonth is null");
    requireNonNull(icglrStatus, "icglrStatus is null");
    requireNonNull(armedGroupPresence, "armedGroupPresence is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("site name is blank");
    }
    minerals.forEach(mineral -> requireNonNull(mineral, "minerals contains null"));
    if (minerals.isEmpty()) {
      throw new IllegalArgumentException("site " + id + " lists no mineral");
    }
    minerals = Set.copyOf(EnumSet.copyOf(minerals));
    Map<Mineral, Long> capacities = new EnumMap<>(Mineral.class);
    capacityKilogramsPerMonth.forEach(
        (mineral, kilograms) -> {
          requireNonNull(mineral, "capacity mineral is null");
          requireNonNull(kilograms, "capacity of " + mineral + " is null");
          if (kilograms < 0) {
            throw new IllegalArgumentException("capacity of " + mineral + " is negative");
          }
          capacities.put(mineral, kilograms);
        });
    capacityKilogramsPerMonth = Map.copyOf(capacities);
  }

  /** Assessed capacity for a mineral in kg a month, 0 when none was assessed. */
  public long capacityKilogramsPerMonth(Mineral mineral) {
    return capacityKilogramsPerMonth.getOrDefault(mineral, 0L);
  }
}
