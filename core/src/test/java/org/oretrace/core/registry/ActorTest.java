package org.oretrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;

class ActorTest {

  private static final Country CONGO = Country.of("CD");

  @Test
  void acceptsAnActorWithOrWithoutLocationAndLicence() {
    Licence licence =
        new Licence("CD-COMPTOIR-7", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    Actor comptoir =
        new Actor(
            "comptoir-7",
            "Comptoir Sept",
            ActorKind.COMPTOIR,
            CONGO,
            new GeoPoint(-2.5, 28.8),
            licence);
    Actor miner = new Actor("coop-1", "Coop", ActorKind.COOPERATIVE, CONGO, null, null);

    assertThat(comptoir.optionalLicence()).contains(licence);
    assertThat(comptoir.optionalLocation()).isPresent();
    assertThat(miner.optionalLicence()).isEmpty();
    assertThat(miner.optionalLocation()).isEmpty();
  }

  @Test
  void refusesBadFields() {
    assertThatThrownBy(() -> new Actor(" ", "Coop", ActorKind.COOPERATIVE, CONGO, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be 1 to 128 printable characters");
    assertThatThrownBy(() -> new Actor("coop-1", "  ", ActorKind.COOPERATIVE, CONGO, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actor name is blank");
    assertThatThrownBy(() -> new Actor("coop-1", "Coop", null, CONGO, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind is null");
    assertThatThrownBy(() -> new Actor("coop-1", "Coop", ActorKind.COOPERATIVE, null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("country is null");
  }
}
