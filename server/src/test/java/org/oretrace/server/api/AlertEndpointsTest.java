package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.server.api.EventEndpointsTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.store.Detection;
import org.oretrace.store.TokenStore.ApiToken;

class AlertEndpointsTest {

  private final TestServer server = new TestServer();

  @BeforeEach
  void recordTheChainWithDetection() {
    Detection.attach(server.recorder());
    server.seedRegistry();
    Response recorded = server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken());
    assertThat(recorded.status()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void alertsRaisedByARecordedBatchAreListedAndFetchedById() {
    Response list = server.get("/api/v1/alerts");

    assertThat(list.status()).isEqualTo(200);
    JsonNode page = list.json();
    assertThat(page.get("total").asLong()).isPositive();
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("explanation").asText()).isNotBlank();
    assertThat(first.get("raisedAt").asText()).isNotBlank();

    Response one = server.get("/api/v1/alerts/" + first.get("id").asText());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("id")).isEqualTo(first.get("id"));
  }

  @Test
  void filtersByDetectorCountryAndTime() {
    JsonNode all = server.get("/api/v1/alerts?limit=1000").json();
    String detector = all.get("items").get(0).get("detector").asText();
    long ofDetector = 0;
    for (JsonNode alert : all.get("items")) {
      if (alert.get("detector").asText().equals(detector)) {
        ofDetector++;
      }
    }

    JsonNode filtered = server.get("/api/v1/alerts?detector=" + detector).json();
    assertThat(filtered.get("total").asLong()).isEqualTo(ofDetector);
    assertThat(texts(filtered.get("items")).size()).isEqualTo((int) ofDetector);
    assertThat(server.get("/api/v1/alerts?country=JP").json().get("total").asLong()).isZero();
    assertThat(server.get("/api/v1/alerts?from=2100-01-01T00:00:00Z").json().get("total").asLong())
        .isZero();
  }

  @Test
  void anAnalystInScopeClosesAndReopensAnAlertWithAReasonAndTheTrailKeepsBoth() {
    JsonNode all = server.get("/api/v1/alerts?limit=1000").json();
    long total = all.get("total").asLong();
    String id = all.get("items").get(0).get("id").asText();
    assertThat(all.get("items").get(0).get("status").asText()).isEqualTo("open");
    String path = "/api/v1/alerts/" + id + "/status";
    String close = "{\"status\": \"closed\", \"reason\": \"weighing error, lot re-weighed\"}";

    // a viewer may not; an agency of another country does not see the alert at all
    assertThat(server.post(path, close, server.viewerToken()).status()).isEqualTo(403);
    assertThat(server.post(path, close, foreignPoliceToken()).status()).isEqualTo(404);
    assertThat(server.post(path, "{\"status\": \"closed\"}", server.investigatorToken()).status())
        .isEqualTo(400);

    Response closed = server.post(path, close, server.investigatorToken());
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    assertThat(closed.json().get("status").asText()).isEqualTo("closed");
    JsonNode change = closed.json().get("statusHistory").get(0);
    assertThat(change.get("organisation").asText()).isEqualTo("police");
    assertThat(change.get("role").asText()).isEqualTo("investigator");
    assertThat(change.get("reason").asText()).isEqualTo("weighing error, lot re-weighed");
    assertThat(change.get("at").asText()).isNotBlank();
    assertThat(server.post(path, close, server.investigatorToken()).status()).isEqualTo(409);

    JsonNode open = server.get("/api/v1/alerts?status=open&limit=1000").json();
    JsonNode closedOnes = server.get("/api/v1/alerts?status=closed").json();
    assertThat(open.get("total").asLong()).isEqualTo(total - 1);
    assertThat(texts(open.get("items"))).doesNotContain(id);
    assertThat(closedOnes.get("total").asLong()).isOne();
    assertThat(closedOnes.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(server.get("/api/v1/alerts?status=shelved").status()).isEqualTo(400);

    Response reopened =
        server.post(
            path,
            "{\"status\": \"open\", \"reason\": \"the re-weighing was not witnessed\"}",
            server.adminToken());
    assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);
    JsonNode history = server.get("/api/v1/alerts/" + id).json().get("statusHistory");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("status").asText()).isEqualTo("open");
    assertThat(history.get(1).get("organisation").asText()).isEqualTo("regulator");
    assertThat(server.get("/api/v1/alerts?status=open").json().get("total").asLong())
        .isEqualTo(total);
  }

  /** An API token of a police force in Rwanda, which sees nothing of the chain recorded in CD. */
  private String foreignPoliceToken() {
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(
                "police-rw", "Police RW", OrganisationType.POLICE, new Country("RW"), List.of()));
    TokenSecrets.MintedToken token = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(token.secretHash(), "police-rw", Role.INVESTIGATOR, Instant.now()));
    return token.secret();
  }

  @Test
  void badFiltersAndUnknownIdsGetProblems() {
    assertThat(server.get("/api/v1/alerts?detector=D99").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/alerts?from=yesterday").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/alerts?severity=dire").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/alerts/D1-nothing").status()).isEqualTo(404);
  }
}
