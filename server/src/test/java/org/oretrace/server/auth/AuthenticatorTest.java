package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.server.TestStores;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.TokenStore.ApiToken;

class AuthenticatorTest {

  private static final String ADMIN_TOKEN = "start-up-admin-token-abcdef";

  private final org.oretrace.store.Store store = TestStores.open();
  private final Authenticator authenticator =
      new Authenticator(store.tokens(), store.accounts(), ADMIN_TOKEN);

  @Test
  void findsAStoredTokenByTheHashOfItsSecret() {
    MintedToken token = TokenSecrets.mint();
    store.tokens().add(new ApiToken(token.secretHash(), "customs", Role.RECORDER, Instant.now()));

    assertThat(authenticator.authenticate("Bearer " + token.secret()))
        .isEqualTo(new Caller("customs", Role.RECORDER));
    assertThat(authenticator.authenticate("bearer " + token.secret()).role())
        .isEqualTo(Role.RECORDER);
  }

  @Test
  void acceptsTheStartUpAdminToken() {
    assertThat(authenticator.authenticate("Bearer " + ADMIN_TOKEN))
        .isEqualTo(new Caller(Authenticator.ADMIN_ORGANISATION, Role.ADMIN));
  }

  @Test
  void refusesMissingMalformedAndUnknownTokensAsUnauthenticated() {
    for (String header :
        new String[] {null, "", "Basic dXNlcjpwYXNz", "Bearer ", "Bearer ot_nope"}) {
      assertThatThrownBy(() -> authenticator.authenticate(header))
          .isInstanceOfSatisfying(
              AccessDeniedException.class, denied -> assertThat(denied.authenticated()).isFalse());
    }
  }

  @Test
  void withoutAdminTokenOnlyStoredTokensWork() {
    Authenticator withoutAdmin = new Authenticator(store.tokens(), store.accounts(), null);

    assertThatThrownBy(() -> withoutAdmin.authenticate("Bearer " + ADMIN_TOKEN))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aSessionCarriesItsUsersOrganisationAndExpiresAfterEightHours() {
    Organisation customs =
        new Organisation(
            "cd-customs", "DGDA", OrganisationType.CUSTOMS, new Country("CD"), List.of());
    store.accounts().putOrganisation(customs);
    store
        .accounts()
        .addUser(
            new UserAccount(
                "joseph@cd-customs",
                "cd-customs",
                Role.ANALYST,
                PasswordHashing.hash("border crossing 42"),
                Instant.now()));
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    Authenticator withClock = new Authenticator(store.tokens(), store.accounts(), null, clock);

    Authenticator.Login login =
        withClock.login("joseph@cd-customs", "border crossing 42", "10.0.0.1");
    Caller caller = withClock.authenticate(null, login.secret());
    assertThat(caller.registration()).isEqualTo(customs);
    assertThat(caller.username()).isEqualTo("joseph@cd-customs");
    assertThat(store.accounts().session(TokenSecrets.hash(login.secret()))).isPresent();

    clock.now = clock.now.plus(Authenticator.SESSION_LENGTH);
    assertThatThrownBy(() -> withClock.authenticate(null, login.secret()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("expired");
    assertThat(store.accounts().session(TokenSecrets.hash(login.secret()))).isEmpty();
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
