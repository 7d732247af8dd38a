package org.oretrace.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private static final Instant REGISTERED = Instant.parse("2025-03-01T00:00:00Z");

  @Test
  void revokingKeepsTheFirstRevocation() {
    Device device = new Device("tablet-7", "COOP-1", List.of("CD-NK-001"), key(), REGISTERED, null);
    Device revoked = device.revokedAt(REGISTERED.plusSeconds(60));
    assertThat(device.revoked()).isFalse();
    assertThat(revoked.revoked()).isTrue();
    assertThat(revoked.revokedAt(REGISTERED.plusSeconds(120)).revokedAt())
        .isEqualTo(REGISTERED.plusSeconds(60));
  }

  @Test
  void needsAtLeastOneSiteAndNoDuplicates() {
    assertThatThrownBy(() -> new Device("tablet-7", "COOP-1", List.of(), key(), REGISTERED, null))
        .hasMessageContaining("at least one site");
    assertThatThrownBy(
            () -> new Device("tablet-7", "COOP-1", List.of("S", "S"), key(), REGISTERED, null))
        .hasMessageContaining("twice");
  }

  private static DevicePublicKey key() {
    return DeviceKey.generate().publicKey();
  }
}
