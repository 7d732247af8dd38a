package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oretrace.core.access.Role;
import org.oretrace.server.TestStores;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.TokenStore.ApiToken;

class AuthenticatorTest {

  private static final String ADMIN_TOKEN = "start-up-admin-token-abcdef";

  private final org.oretrace.store.Store store = TestStores.sqlite();
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
}
