package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.auth.CustomsAccess;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.TokenStore.ApiToken;

/**
 * Customs go/no-go against a real server over real SQLite: a clean coltan lot from a green site,
 * assayed and held by the licensed trader, and a dirty one from the red Rubaya East site.
 */
class CustomsEndpointsTest {

  private final TestServer server = new TestServer();

  private static final String LOTS =
      """
      [
        {"id": "c-tag-g", "type": "tag", "time": "2026-05-01T08:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-G", "tagNumber": "TAG-G", "site": "CD-NK-001", "mineral": "coltan",
         "massGrams": 50000, "grade": 31.25},
        {"id": "c-transfer-g", "type": "transfer", "time": "2026-05-02T08:00:00+02:00",
         "place": {"lat": -1.68, "lon": 29.22}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-G", "toActor": "TRADER-1"},
        {"id": "c-tag-r", "type": "tag", "time": "2026-05-01T09:00:00+02:00",
         "place": {"lat": -1.56, "lon": 28.88}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-R", "tagNumber": "TAG-R", "site": "CD-NK-002", "mineral": "coltan",
         "massGrams": 30000},
        {"id": "c-transfer-r", "type": "transfer", "time": "2026-05-02T09:00:00+02:00",
         "place": {"lat": -1.68, "lon": 29.22}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-R", "toActor": "TRADER-1"}
      ]
      """;

  @BeforeEach
  void record() {
    server.seedRegistry();
    Response recorded = server.post("/api/v1/events", LOTS, server.recorderToken());
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode check(String exporter, String lots) {
    Response answer =
        server.post(
            "/api/v1/customs/check",
            "{\"exporter\": \"%s\", \"destination\": \"MY\", \"lots\": %s}"
                .formatted(exporter, lots),
            server.viewerToken());
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> codes(JsonNode verdict) {
    return verdict.get("reasons").findValuesAsText("code");
  }

  /** A D9 alert: the exporter TRADER-1 matches a UN list entry. */
  private static Alert sanctionsHitOnTrader(Instant now) {
    return new Alert(
        "D9-TRADER-1-UN-123",
        DetectorId.D9,
        0.97,
        Severity.HIGH,
        now,
        List.of(),
        List.of(),
        List.of("TRADER-1"),
        List.of(),
        List.of(Country.of("CD")),
        Map.of("score", BigDecimal.valueOf(0.97)),
        "Goma Minerals Trading matches UN list entry CDe.123");
  }

  /** A D2 alert on the tag of LOT-G, upstream of every check of that lot. */
  private static Alert overProductionUpstream(Instant now) {
    return new Alert(
        "D2-c-tag-g",
        DetectorId.D2,
        0.8,
        Severity.HIGH,
        now,
        List.of("c-tag-g"),
        List.of("LOT-G"),
        List.of("COOP-1"),
        List.of("CD-NK-001"),
        List.of(Country.of("CD")),
        Map.of(),
        "Luwowo tagged more than it can produce");
  }

  @Test
  void aCleanLotHeldByTheLicensedExporterGoes() {
    JsonNode verdict = check("TRADER-1", "[{\"lot\": \"LOT-G\", \"massGrams\": 49800}]");

    assertThat(verdict.get("verdict").asText()).as(verdict.toString()).isEqualTo("go");
    assertThat(verdict.get("reasons")).isEmpty();
    assertThat(verdict.get("originSites").get(0).asText()).isEqualTo("CD-NK-001");
    assertThat(verdict.get("elapsedMicros").asLong()).isLessThan(50_000);
    // The live tag number stands for the lot.
    assertThat(
            check("TRADER-1", "[{\"lot\": \"TAG-G\", \"massGrams\": 50000}]")
                .get("verdict")
                .asText())
        .isEqualTo("go");
  }

  @Test
  void aDirtyDeclarationGetsNoGoWithEveryReason() {
    JsonNode verdict =
        check(
            "COMPTOIR-1",
            """
            [{"lot": "LOT-R", "massGrams": 60000}, {"lot": "LOT-G", "massGrams": 50000},
             {"lot": "LOT-NOWHERE", "massGrams": 1000}]
            """);

    assertThat(verdict.get("verdict").asText()).isEqualTo("no-go");
    assertThat(codes(verdict))
        .containsExactlyInAnyOrder(
            "exporter-unlicensed",
            "not-held-by-exporter",
            "no-assay",
            "mass-not-accounted",
            "not-held-by-exporter",
            "no-tag",
            "origin-red",
            "origin-armed-presence");
    assertThat(verdict.get("reasons").findValuesAsText("message"))
        .anySatisfy(message -> assertThat(message).contains("60000 g", "30000 g"))
        .anySatisfy(message -> assertThat(message).contains("Rubaya East", "red"));
  }

  @Test
  void alertsOnTheExporterOrUpstreamLotsAndSanctionsHitsAreReasons() {
    Instant now = Instant.now();
    server
        .store()
        .alerts()
        .add(List.of(sanctionsHitOnTrader(now), overProductionUpstream(now)), now);

    JsonNode verdict = check("TRADER-1", "[{\"lot\": \"LOT-G\", \"massGrams\": 50000}]");

    assertThat(verdict.get("verdict").asText()).isEqualTo("no-go");
    assertThat(codes(verdict)).containsExactlyInAnyOrder("sanctions-hit", "open-alert");
    assertThat(verdict.get("reasons").findValuesAsText("subject")).contains("D2-c-tag-g");
  }

  @Test
  void reasonsNameNoAlertOrHolderOutsideTheCallersScopeAndTheVerdictStaysTheSame() {
    Instant now = Instant.now();
    server.store().alerts().add(List.of(overProductionUpstream(now)), now);
    // customs of another country: the alert upstream and the lot's holder are outside its scope
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(
                "customs-rw", "Customs RW", OrganisationType.CUSTOMS, Country.of("RW"), List.of()));
    MintedToken minted = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(minted.secretHash(), "customs-rw", Role.VIEWER, Instant.now()));
    String declaration =
        "{\"exporter\": \"COMPTOIR-1\", \"destination\": \"MY\","
            + " \"lots\": [{\"lot\": \"LOT-G\", \"massGrams\": 50000}]}";

    JsonNode home = check("COMPTOIR-1", "[{\"lot\": \"LOT-G\", \"massGrams\": 50000}]");
    Response abroad = server.post("/api/v1/customs/check", declaration, minted.secret());

    assertThat(abroad.status()).as(abroad.text()).isEqualTo(200);
    JsonNode foreign = abroad.json();
    assertThat(foreign.get("verdict").asText()).isEqualTo("no-go");
    assertThat(codes(foreign))
        .isEqualTo(codes(home))
        .contains("open-alert", "not-held-by-exporter");
    // the regulator of the country reads the alert and the holder...
    assertThat(home.toString()).contains("D2-c-tag-g", "Luwowo tagged", "TRADER-1");
    // ...customs abroad reads that there is one, and nothing of it
    assertThat(foreign.get("reasons").findValuesAsText("message"))
        .contains(CustomsAccess.ALERT_OUTSIDE_SCOPE)
        .anySatisfy(message -> assertThat(message).contains("LOT-G", "another holder"));
    assertThat(foreign.toString()).doesNotContain("D2-c-tag-g", "Luwowo", "TRADER-1", "COOP-1");

    // once an analyst closes the alert, it no longer stands in the declaration's way
    Response closed =
        server.post(
            "/api/v1/alerts/D2-c-tag-g/status",
            "{\"status\": \"closed\", \"reason\": \"the site's output was re-surveyed\"}",
            server.adminToken());
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    assertThat(codes(check("COMPTOIR-1", "[{\"lot\": \"LOT-G\", \"massGrams\": 50000}]")))
        .doesNotContain("open-alert")
        .contains("not-held-by-exporter");
  }

  @Test
  void aSanctionsHitIsToldOnlyToCallersWhoSeeItsAlertAndTheVerdictIsTheSameForEveryCaller() {
    Instant now = Instant.now();
    server.store().alerts().add(List.of(sanctionsHitOnTrader(now)), now);
    // the matrix: who checks, and whether its scope shows the D9 alert (about a party of CD)
    Map<String, Boolean> seesTheHit = new LinkedHashMap<>();
    seesTheHit.put(TestServer.START_UP_ADMIN_TOKEN, true);
    seesTheHit.put(server.viewerToken(), true); // the regulator of CD
    seesTheHit.put(server.investigatorToken(), true); // the police of CD
    seesTheHit.put(organisationToken("customs-cd", OrganisationType.CUSTOMS, "CD"), true);
    seesTheHit.put(organisationToken("customs-rw", OrganisationType.CUSTOMS, "RW"), false);
    seesTheHit.put(organisationToken("police-rw", OrganisationType.POLICE, "RW"), false);
    seesTheHit.put(organisationToken("fiu-ug", OrganisationType.FIU, "UG"), false);
    String declaration =
        "{\"exporter\": \"TRADER-1\", \"destination\": \"MY\","
            + " \"lots\": [{\"lot\": \"LOT-G\", \"massGrams\": 50000}]}";

    JsonNode reference = null;
    for (Map.Entry<String, Boolean> caller : seesTheHit.entrySet()) {
      Response answer = server.post("/api/v1/customs/check", declaration, caller.getKey());
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      JsonNode verdict = answer.json();
      if (reference == null) {
        reference = verdict;
      }
      String who = caller.getKey().equals(TestServer.START_UP_ADMIN_TOKEN) ? "platform" : "caller";
      assertThat(verdict.get("verdict").asText()).as(who).isEqualTo("no-go");
      assertThat(codes(verdict)).as(who).isEqualTo(codes(reference)).contains("sanctions-hit");
      JsonNode hit = null;
      for (JsonNode reason : verdict.get("reasons")) {
        if (reason.get("code").asText().equals("sanctions-hit")) {
          hit = reason;
        }
      }
      assertThat(hit).isNotNull();
      assertThat(hit.get("subject").asText()).isEqualTo("TRADER-1");
      if (caller.getValue()) {
        assertThat(hit.get("message").asText()).contains("D9-TRADER-1-UN-123", "CDe.123");
      } else {
        assertThat(hit.get("message").asText()).contains("watch-list hit", "outside your scope");
        assertThat(verdict.toString()).doesNotContain("D9-TRADER-1-UN-123", "CDe.123", "UN list");
      }
    }
  }

  /** A viewer's API token of a new organisation of this type and country. */
  private String organisationToken(String organisation, OrganisationType type, String country) {
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(organisation, organisation, type, Country.of(country), List.of()));
    MintedToken minted = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(minted.secretHash(), organisation, Role.VIEWER, Instant.now()));
    return minted.secret();
  }

  @Test
  void needsATokenAndRefusesABadDeclarationWithEveryError() {
    assertThat(
            server
                .post(
                    "/api/v1/customs/check",
                    "{\"exporter\": \"TRADER-1\", \"destination\": \"MY\", \"lots\": []}",
                    null)
                .status())
        .isEqualTo(401);
    Response bad =
        server.post(
            "/api/v1/customs/check",
            "{\"destination\": \"Malaysia\", \"lots\": [{\"lot\": \"LOT-G\", \"massGrams\": 0}]}",
            server.viewerToken());

    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsText("field"))
        .contains("exporter", "destination", "lots/0/massGrams");
  }
}
