package org.oretrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;

class SiteTest {

  private static final GeoPoint RUBAYA = new GeoPoint(-1.576, 28.892);

  @Test
  void holdsWhatItProducesAndItsCapacity() {
    Site site = site("site-rubaya", EnumSet.of(Mineral.COLTAN), Map.of(Mineral.COLTAN, 120_000L));

    assertThat(site.minerals()).containsExactly(Mineral.COLTAN);
    assertThat(site.capacityKilogramsPerMonth(Mineral.COLTAN)).isEqualTo(120_000);
    assertThat(site.capacityKilogramsPerMonth(Mineral.GOLD)).isZero();
  }

  @Test
  void copiesItsCollectionsDefensively() {
    Set<Mineral> minerals = new HashSet<>(Set.of(Mineral.COLTAN));
    Map<Mineral, Long> capacity = new HashMap<>(Map.of(Mineral.COLTAN, 10L));
    Site site = site("site-1", minerals, capacity);

    minerals.add(Mineral.GOLD);
    capacity.put(Mineral.COLTAN, 99L);

    assertThat(site.minerals()).containsExactly(Mineral.COLTAN);
    assertThat(site.capacityKilogramsPerMonth(Mineral.COLTAN)).isEqualTo(10);
    assertThatThrownBy(() -> site.minerals().add(Mineral.GOLD))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesBadFields() {
    assertThatThrownBy(() -> site("", Set.of(Mineral.COLTAN), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be 1 to 128 printable characters");
    assertThatThrownBy(() -> site("site-1", Set.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("site site-1 lists no mineral");
    assertThatThrownBy(() -> site("site-1", Set.of(Mineral.COLTAN), Map.of(Mineral.COLTAN, -1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity of COLTAN is negative");
    assertThatThrownBy(
            () ->
                new Site(
                    "site-1",
                    " ",
                    Country.of("CD"),
                    RUBAYA,
                    Set.of(Mineral.COLTAN),
                    Map.of(),
                    IcglrStatus.GREEN,
                    ArmedGroupPresence.NONE,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("site name is blank");
    assertThatThrownBy(
            () ->
                new Site(
                    "site-1",
                    "Site",
                    Country.of("CD"),
                    null,
                    Set.of(Mineral.COLTAN),
                    Map.of(),
                    IcglrStatus.GREEN,
                    ArmedGroupPresence.NONE,
                    false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("location is null");
  }

  @Test
  void refusesANullMineralWithAMessage() {
    Set<Mineral> minerals = new HashSet<>();
    minerals.add(Mineral.COLTAN);
    minerals.add(null);

    assertThatThrownBy(() -> site("site-1", minerals, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("minerals contains null");
  }

  private static Site site(String id, Set<Mineral> minerals, Map<Mineral, Long> capacity) {
    return new Site(
        id,
        "Rubaya D2",
        Country.of("CD"),
        RUBAYA,
        minerals,
        capacity,
        IcglrStatus.RED,
        ArmedGroupPresence.CONTROLLED,
        true);
  }
}
