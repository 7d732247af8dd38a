package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

/** Audits against a real server over real SQLite, recorded by the regulator's admin token. */
class AuditEndpointsTest {

  private final TestServer server = new TestServer();

  private static final String RED_AUDIT =
      """
      {"auditor": "ICGLR RCM inspection team", "date": "2025-06-01",
       "scope": "security, chain of custody, child labour",
       "findings": [{"description": "FARDC soldiers collect a levy at the pit",
                     "severity": "critical"}],
       "correctiveActions": [
         {"description": "end the levy, with the provincial mining division",
          "deadline": "2025-08-31"},
         {"description": "register every digger", "deadline": "2099-12-31"}],
       "resultingStatus": "red"}
      """;

  @BeforeEach
  void seed() {
    server.seedRegistry();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response get(String path) {
    return server.get(path);
  }

  @Test
  void anAuditConcludingRedMakesTheSiteRedAndKeepsTheChangeInItsHistory() {
    Response recorded =
        server.post("/api/v1/sites/CD-NK-001/audits", RED_AUDIT, server.adminToken());

    assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
    JsonNode audit = recorded.json();
    String auditId = audit.get("id").asText();
    assertThat(recorded.header("Location")).contains("/api/v1/audits/" + auditId);
    assertThat(audit.get("recordedBy").asText()).isEqualTo("regulator");
    assertThat(audit.get("statusChange").get("from").asText()).isEqualTo("green");
    assertThat(audit.get("statusChange").get("to").asText()).isEqualTo("red");
    assertThat(get("/api/v1/sites/CD-NK-001").json().get("icglrStatus").asText()).isEqualTo("red");
    JsonNode history = get("/api/v1/sites/CD-NK-001/status-history").json();
    assertThat(history.get("current").asText()).isEqualTo("red");
    assertThat(history.get("items")).hasSize(1);
    assertThat(history.get("items").get(0).get("audit").asText()).isEqualTo(auditId);
    JsonNode audits = get("/api/v1/sites/CD-NK-001/audits").json();
    assertThat(audits.get("items").get(0).get("findings").get(0).get("severity").asText())
        .isEqualTo("critical");
    // The red site is now refused at the border like any other: its status is the registry's.
    assertThat(get("/api/v1/sites?status=red").json().get("total").asLong()).isEqualTo(2);
  }

  @Test
  void overdueCorrectiveActionsFlagTheSiteAndAlertTheRegulatorUntilDone() {
    String auditId =
        server
            .post("/api/v1/sites/CD-NK-001/audits", RED_AUDIT, server.adminToken())
            .json()
            .get("id")
            .asText();

    JsonNode site = get("/api/v1/sites/CD-NK-001").json();
    assertThat(site.get("flagged").asBoolean()).isTrue();
    assertThat(site.get("correctiveActionsOverdue").asInt()).isEqualTo(1);
    JsonNode actions = get("/api/v1/audits/" + auditId).json().get("correctiveActions");
    assertThat(actions.get(0).get("overdue").asBoolean()).isTrue();
    assertThat(actions.get(1).get("overdue").asBoolean()).isFalse();
    JsonNode alerts = get("/api/v1/alerts?detector=A1").json();
    assertThat(alerts.get("total").asLong()).isEqualTo(1);
    JsonNode alert = alerts.get("items").get(0);
    assertThat(alert.get("detectorName").asText()).isEqualTo("corrective-action-overdue");
    assertThat(alert.get("sites").get(0).asText()).isEqualTo("CD-NK-001");
    assertThat(alert.get("explanation").asText()).contains("Luwowo", "2025-08-31");

    Response done =
        server.post(
            "/api/v1/audits/" + auditId + "/corrective-actions/0",
            "{\"status\": \"done\"}",
            server.adminToken());

    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.json().get("correctiveActions").get(0).get("status").asText())
        .isEqualTo("done");
    assertThat(get("/api/v1/sites/CD-NK-001").json().get("flagged").asBoolean()).isFalse();
    assertThat(get("/api/v1/sites/CD-NK-002").json().get("flagged").asBoolean()).isFalse();
  }

  @Test
  void anAuditKeepingTheStatusChangesNothingInTheHistory() {
    Response recorded =
        server.post(
            "/api/v1/sites/CD-NK-001/audits",
            """
            {"auditor": "Better Mining", "date": "2025-07-01", "scope": "chain of custody",
             "resultingStatus": "green"}
            """,
            server.adminToken());

    assertThat(recorded.status()).isEqualTo(201);
    assertThat(recorded.json().has("statusChange")).isFalse();
    assertThat(get("/api/v1/sites/CD-NK-001/status-history").json().get("items")).isEmpty();
    assertThat(get("/api/v1/sites/CD-NK-001/audits").json().get("items")).hasSize(1);
  }

  @Test
  void onlyAdministratorsRecordAndBadAuditsAreRefusedWithEveryError() {
    assertThat(server.post("/api/v1/sites/CD-NK-001/audits", RED_AUDIT, null).status())
        .isEqualTo(401);
    assertThat(
            server
                .post("/api/v1/sites/CD-NK-001/audits", RED_AUDIT, server.investigatorToken())
                .status())
        .isEqualTo(403);
    assertThat(server.post("/api/v1/sites/NO-SUCH/audits", RED_AUDIT, server.adminToken()).status())
        .isEqualTo(404);

    Response bad =
        server.post(
            "/api/v1/sites/CD-NK-001/audits",
            """
            {"auditor": "x", "date": "June", "scope": "",
             "findings": [{"description": "d", "severity": "awful"}],
             "correctiveActions": [{"description": "d"}], "resultingStatus": "purple"}
            """,
            server.adminToken());

    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsText("field"))
        .contains(
            "date",
            "scope",
            "findings/0/severity",
            "correctiveActions/0/deadline",
            "resultingStatus");
    assertThat(get("/api/v1/sites/CD-NK-001/audits").json().get("items")).isEmpty();
    assertThat(get("/api/v1/sites/CD-NK-001").json().get("icglrStatus").asText())
        .isEqualTo("green");
  }
}
