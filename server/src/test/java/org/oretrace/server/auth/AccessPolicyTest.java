package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.oretrace.core.access.Role;
import org.oretrace.server.auth.AccessPolicy.Action;

class AccessPolicyTest {

  @Test
  void recordersInvestigatorsAndAdminsRecordEvents() {
    assertThat(allowed(Action.RECORD_EVENTS))
        .containsExactlyInAnyOrder(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN);
  }

  @Test
  void onlyAdminsWriteTheRegistry() {
    assertThat(allowed(Action.WRITE_REGISTRY)).containsExactly(Role.ADMIN);
  }

  @Test
  void requireRefusesWithAnAuthenticatedDenialNamingTheRoles() {
    assertThatCode(
            () ->
                AccessPolicy.require(new Caller("police", Role.INVESTIGATOR), Action.RECORD_EVENTS))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> AccessPolicy.require(new Caller("ministry", Role.VIEWER), Action.RECORD_EVENTS))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, denied -> assertThat(denied.authenticated()).isTrue())
        .hasMessageContaining("viewer")
        .hasMessageContaining("recorder");
  }

  private static EnumSet<Role> allowed(Action action) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (AccessPolicy.allows(role, action)) {
        roles.add(role);
      }
    }
    return roles;
  }
}
