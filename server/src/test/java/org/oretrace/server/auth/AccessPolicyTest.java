package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.EventContext;
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
                AccessPolicy.require(
                    caller(OrganisationType.POLICE, Role.INVESTIGATOR), Action.RECORD_EVENTS))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> AccessPolicy.require(new Caller("ministry", Role.VIEWER), Action.RECORD_EVENTS))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, denied -> assertThat(denied.authenticated()).isTrue())
        .hasMessageContaining("viewer")
        .hasMessageContaining("recorder");
  }

  @Test
  void organisationTypesLimitWhatRolesMayDo() {
    assertThatThrownBy(
            () ->
                AccessPolicy.require(
                    caller(OrganisationType.COMPANY, Role.ADMIN), Action.WRITE_REGISTRY))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("a company may not write registry")
        .hasMessageContaining("regulator");
    assertThatThrownBy(
            () ->
                AccessPolicy.require(
                    caller(OrganisationType.COMMUNITY, Role.RECORDER), Action.RECORD_EVENTS))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                AccessPolicy.require(
                    new Caller("unregistered", Role.ADMIN), Action.UPLOAD_EVIDENCE))
        .hasMessageContaining("not in the register");
    assertThatThrownBy(
            () ->
                AccessPolicy.require(
                    caller(OrganisationType.REGULATOR, Role.ADMIN), Action.MANAGE_ORGANISATIONS))
        .hasMessageContaining("only the platform administrator");
    assertThatCode(
            () -> AccessPolicy.require(Caller.platformAdministrator(), Action.MANAGE_ORGANISATIONS))
        .doesNotThrowAnyException();
    // cases are limited by organisation in CaseAccess, not by type: unregistered ones work them
    assertThat(AccessPolicy.allows(new Caller("fiu", Role.INVESTIGATOR), Action.WORK_CASES))
        .isTrue();
  }

  @Test
  void companiesRecordOnlyForTheirActorsAndCustomsOnlyBorderEvents() {
    Caller company =
        new Caller(
            "smelter-co",
            Role.RECORDER,
            new Organisation(
                "smelter-co",
                "Smelter Co",
                OrganisationType.COMPANY,
                new Country("MY"),
                List.of("SMELTER-1")),
            null);
    CustodyEvent ours = transfer("SMELTER-1");
    CustodyEvent theirs = transfer("TRADER-1");
    assertThatCode(() -> AccessPolicy.requireMayRecord(company, List.of(ours)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> AccessPolicy.requireMayRecord(company, List.of(ours, theirs)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("performed by TRADER-1");
    assertThatThrownBy(
            () ->
                AccessPolicy.requireMayRecord(
                    caller(OrganisationType.CUSTOMS, Role.RECORDER), List.of(ours)))
        .hasMessageContaining("customs records exports and imports only");
    assertThatCode(
            () ->
                AccessPolicy.requireMayRecord(
                    caller(OrganisationType.REGULATOR, Role.RECORDER), List.of(theirs)))
        .doesNotThrowAnyException();
  }

  private static CustodyEvent transfer(String actor) {
    return new CustodyEvent.Transfer(
        new EventContext(
            "e-" + actor,
            OffsetDateTime.parse("2025-03-01T08:00:00+02:00"),
            new GeoPoint(-1.6, 28.9),
            actor,
            "phone-1"),
        "LOT-A",
        "COMPTOIR-1");
  }

  private static Caller caller(OrganisationType type, Role role) {
    String id = type.wireName() + "-cd";
    return new Caller(id, role, new Organisation(id, id, type, new Country("CD"), List.of()), null);
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
