package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.store.AccountStore;
import org.oretrace.store.AccountStore.PendingLogin;
import org.oretrace.store.AccountStore.Session;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.TestDatabase;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcAccountStoreTest extends DatabaseTest {

  private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
  private static final Organisation COMPANY =
      new Organisation(
          "comptoir-x",
          "Comptoir X",
          OrganisationType.COMPANY,
          new Country("CD"),
          List.of("COMPTOIR-1", "TRADER-1"));

  private AccountStore accounts;

  @BeforeEach
  void open() {
    accounts = database.open().accounts();
  }

  private static UserAccount user(String username, String organisation) {
    return new UserAccount(username, organisation, Role.ANALYST, "$scrypt$hash-" + username, NOW);
  }

  @Test
  void organisationsRoundTripAndAreReplacedById() {
    Organisation customs =
        new Organisation(
            "cd-customs", "DGDA", OrganisationType.CUSTOMS, new Country("CD"), List.of());
    accounts.putOrganisation(COMPANY);
    accounts.putOrganisation(customs);
    assertThat(accounts.organisation("comptoir-x")).contains(COMPANY);
    assertThat(accounts.organisations()).containsExactly(customs, COMPANY);

    Organisation renamed =
        new Organisation(
            "comptoir-x",
            "Comptoir X SARL",
            OrganisationType.COMPANY,
            new Country("CD"),
            List.of("COMPTOIR-1"));
    accounts.putOrganisation(renamed);
    assertThat(accounts.organisation("comptoir-x")).contains(renamed);
    assertThat(accounts.organisation("nobody")).isEmpty();
  }

  @Test
  void usersNeedARegisteredOrganisationAndAFreeUsername() {
    accounts.putOrganisation(COMPANY);
    assertThat(accounts.addUser(user("ana@x", "comptoir-x"))).isTrue();
    assertThat(accounts.addUser(user("ana@x", "comptoir-x"))).isFalse();
    assertThatThrownBy(() -> accounts.addUser(user("bob@y", "unregistered")))
        .hasMessageContaining("not registered");
    assertThat(accounts.user("ana@x")).contains(user("ana@x", "comptoir-x"));
    assertThat(accounts.users("comptoir-x"))
        .extracting(UserAccount::username)
        .containsExactly("ana@x");
    assertThat(accounts.users("other")).isEmpty();
    assertThat(accounts.users(null)).hasSize(1);
  }

  @Test
  void aUserMovesToAnotherRegisteredOrganisationAndRole() {
    Organisation customs =
        new Organisation(
            "cd-customs", "DGDA", OrganisationType.CUSTOMS, new Country("CD"), List.of());
    accounts.putOrganisation(COMPANY);
    accounts.putOrganisation(customs);
    accounts.addUser(user("oidc:ana", "comptoir-x"));

    assertThat(accounts.setOrganisationAndRole("oidc:ana", "cd-customs", Role.INVESTIGATOR))
        .isTrue();
    UserAccount moved = accounts.user("oidc:ana").orElseThrow();
    assertThat(moved.organisationId()).isEqualTo("cd-customs");
    assertThat(moved.role()).isEqualTo(Role.INVESTIGATOR);
    assertThat(moved.passwordHash()).isEqualTo("$scrypt$hash-oidc:ana");
    assertThat(accounts.setOrganisationAndRole("nobody", "cd-customs", Role.ADMIN)).isFalse();
    assertThatThrownBy(
            () -> accounts.setOrganisationAndRole("oidc:ana", "unregistered", Role.ADMIN))
        .hasMessageContaining("not registered");
  }

  @Test
  void sessionsAreFoundByHashRemovedAndExpiredAndEndWhenThePasswordChanges() {
    accounts.putOrganisation(COMPANY);
    accounts.addUser(user("ana@x", "comptoir-x"));
    Session live = new Session("a".repeat(64), "ana@x", NOW, NOW.plus(Duration.ofHours(8)));
    Session old =
        new Session("b".repeat(64), "ana@x", NOW.minusSeconds(90_000), NOW.minusSeconds(60));
    accounts.addSession(live);
    accounts.addSession(old);
    assertThat(accounts.session("a".repeat(64))).contains(live);

    assertThat(accounts.removeExpiredSessions(NOW)).isEqualTo(1);
    assertThat(accounts.session("b".repeat(64))).isEmpty();

    accounts.removeSession("a".repeat(64));
    assertThat(accounts.session("a".repeat(64))).isEmpty();

    accounts.addSession(live);
    assertThat(accounts.setPassword("ana@x", "$scrypt$new")).isTrue();
    assertThat(accounts.session("a".repeat(64))).isEmpty();
    assertThat(accounts.user("ana@x").orElseThrow().passwordHash()).isEqualTo("$scrypt$new");
    assertThat(accounts.setPassword("nobody", "$scrypt$new")).isFalse();
  }

  @Test
  void aPendingOidcLoginIsTakenOnceAndOnlyBeforeItExpires() {
    PendingLogin waiting =
        new PendingLogin("c".repeat(64), "nonce-1", "verifier-1", NOW.plus(Duration.ofMinutes(10)));
    PendingLogin expired =
        new PendingLogin("d".repeat(64), "nonce-2", "verifier-2", NOW.minusSeconds(1));
    PendingLogin late =
        new PendingLogin("e".repeat(64), "nonce-3", "verifier-3", NOW.plus(Duration.ofMinutes(1)));
    accounts.addPendingLogin(waiting);
    accounts.addPendingLogin(expired);
    accounts.addPendingLogin(late);
    assertThat(accounts.pendingLogins()).isEqualTo(3);

    assertThat(accounts.takePendingLogin("c".repeat(64), NOW)).contains(waiting);
    assertThat(accounts.takePendingLogin("c".repeat(64), NOW)).isEmpty();
    // too late: refused, and gone
    assertThat(accounts.takePendingLogin("e".repeat(64), NOW.plus(Duration.ofMinutes(2))))
        .isEmpty();
    assertThat(accounts.pendingLogins()).isEqualTo(1);
    assertThat(accounts.removeExpiredPendingLogins(NOW)).isEqualTo(1);
    assertThat(accounts.pendingLogins()).isZero();
    assertThat(accounts.takePendingLogin("f".repeat(64), NOW)).isEmpty();
  }

  @Test
  void aSessionKeepsTheIdTokenItWasOpenedWith() {
    accounts.putOrganisation(COMPANY);
    accounts.addUser(user("oidc:ana", "comptoir-x"));
    Session session = new Session("a".repeat(64), "oidc:ana", NOW, NOW.plus(Duration.ofHours(8)));
    accounts.addSession(session);
    assertThat(accounts.sessionIdToken("a".repeat(64))).isEmpty();

    accounts.setSessionIdToken("a".repeat(64), "header.claims.signature");

    assertThat(accounts.sessionIdToken("a".repeat(64))).contains("header.claims.signature");
    assertThat(accounts.session("a".repeat(64))).contains(session);
    accounts.removeSession("a".repeat(64));
    assertThat(accounts.sessionIdToken("a".repeat(64))).isEmpty();
  }
}
