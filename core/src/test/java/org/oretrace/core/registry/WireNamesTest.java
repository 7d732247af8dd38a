package org.oretrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.lineage.Direction;

class WireNamesTest {

  private static final List<Class<? extends Enum<?>>> WIRE_ENUMS =
      List.of(
          Mineral.class,
          ActorKind.class,
          IcglrStatus.class,
          ArmedGroupPresence.class,
          EventType.class,
          LotState.class,
          Direction.class);

  @Test
  void namesAreLowerCaseWithHyphens() {
    assertThat(WireNames.of(Mineral.RARE_EARTH_CONCENTRATE)).isEqualTo("rare-earth-concentrate");
    assertThat(Mineral.COLTAN.wireName()).isEqualTo("coltan");
    assertThat(ActorKind.CUSTOMS_OFFICE.wireName()).isEqualTo("customs-office");
    assertThat(IcglrStatus.RED.wireName()).isEqualTo("red");
    assertThat(ArmedGroupPresence.CONTROLLED.wireName()).isEqualTo("controlled");
    assertThat(LotState.IN_TRANSIT.wireName()).isEqualTo("in-transit");
    assertThat(Direction.UPSTREAM.wireName()).isEqualTo("upstream");
  }

  @Test
  void everyConstantOfEveryWireEnumRoundTrips() {
    for (Class<? extends Enum<?>> type : WIRE_ENUMS) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(roundTrip(constant)).isSameAs(constant);
      }
    }
    for (Mineral mineral : Mineral.values()) {
      assertThat(Mineral.fromWireName(mineral.wireName())).isSameAs(mineral);
    }
    for (EventType type : EventType.values()) {
      assertThat(EventType.fromWireName(type.wireName())).isSameAs(type);
    }
    for (LotState state : LotState.values()) {
      assertThat(LotState.fromWireName(state.wireName())).isSameAs(state);
    }
    for (ActorKind kind : ActorKind.values()) {
      assertThat(ActorKind.fromWireName(kind.wireName())).isSameAs(kind);
    }
    for (IcglrStatus status : IcglrStatus.values()) {
      assertThat(IcglrStatus.fromWireName(status.wireName())).isSameAs(status);
    }
    for (ArmedGroupPresence presence : ArmedGroupPresence.values()) {
      assertThat(ArmedGroupPresence.fromWireName(presence.wireName())).isSameAs(presence);
    }
    for (Direction direction : Direction.values()) {
      assertThat(Direction.fromWireName(direction.wireName())).isSameAs(direction);
    }
  }

  @Test
  void parsingForgivesCaseSurroundingSpaceAndUnderscores() {
    assertThat(Mineral.fromWireName("Rare-Earth-Concentrate"))
        .isSameAs(Mineral.RARE_EARTH_CONCENTRATE);
    assertThat(Mineral.fromWireName(" coltan ")).isSameAs(Mineral.COLTAN);
    assertThat(Mineral.fromWireName("RARE_EARTH_CONCENTRATE"))
        .isSameAs(Mineral.RARE_EARTH_CONCENTRATE);
  }

  @Test
  void anUnknownNameListsTheAllowedOnes() {
    assertThatThrownBy(() -> IcglrStatus.fromWireName("purple"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'purple' is not one of: green, yellow, red, blue");
    assertThatThrownBy(() -> Direction.fromWireName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'null' is not one of: upstream, downstream");
    assertThatThrownBy(() -> Mineral.fromWireName(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coltan, cassiterite");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Enum<?> roundTrip(Enum<?> constant) {
    return WireNames.parse((Class) constant.getDeclaringClass(), WireNames.of(constant));
  }
}
