package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.access.Role;

class OidcConfigTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "ORETRACE_OIDC_ISSUER", "https://login.example.org/realms/mines",
          "ORETRACE_OIDC_CLIENT_ID", "oretrace",
          "ORETRACE_OIDC_CLIENT_SECRET", "s3cret-of-the-client",
          "ORETRACE_OIDC_REDIRECT_URI", "https://oretrace.example.org/api/v1/session/oidc/callback",
          "ORETRACE_OIDC_ORGANISATION_CLAIM", "groups",
          "ORETRACE_OIDC_ORGANISATIONS", "cd-mines=ministry-of-mines, cd-police=police",
          "ORETRACE_OIDC_ROLES", "mine-analysts=analyst,chiefs=admin");

  @Test
  void readsTheEnvironmentWithItsMappings() {
    OidcConfig config = OidcConfig.fromEnvironment(ENVIRONMENT).orElseThrow();

    assertThat(config.issuer()).isEqualTo(URI.create("https://login.example.org/realms/mines"));
    assertThat(config.organisationClaim()).isEqualTo("groups");
    assertThat(config.organisations())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cd-mines", "ministry-of-mines", "cd-police", "police"));
    assertThat(config.roleClaim()).isEqualTo(OidcConfig.DEFAULT_ROLE_CLAIM);
    assertThat(config.roles())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("mine-analysts", Role.ANALYST, "chiefs", Role.ADMIN));
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void isOffWithoutAnIssuerAndRefusesAnIncompleteOrMalformedOne() {
    assertThat(OidcConfig.fromEnvironment(Map.of())).isEmpty();
    assertThatThrownBy(
            () ->
                OidcConfig.fromEnvironment(
                    Map.of("ORETRACE_OIDC_ISSUER", "https://login.example.org")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ORETRACE_OIDC_CLIENT_ID");
    Map<String, String> badRoles = new HashMap<>(ENVIRONMENT);
    badRoles.put("ORETRACE_OIDC_ROLES", "mine-analysts=emperor");
    assertThatThrownBy(() -> OidcConfig.fromEnvironment(badRoles))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, String> badMapping = new HashMap<>(ENVIRONMENT);
    badMapping.put("ORETRACE_OIDC_ORGANISATIONS", "cd-mines");
    assertThatThrownBy(() -> OidcConfig.fromEnvironment(badMapping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value=id");
  }
}
