package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.access.Role;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.Detection;
import org.oretrace.store.Ledger;
import org.oretrace.store.TokenStore.ApiToken;
import org.oretrace.store.ledger.LedgerRecords;

/**
 * Cases against a real server on a free port over real SQLite, with tokens of several
 * organisations: police (investigator, from TestServer, and an analyst), customs (investigator),
 * the FIU (analyst), the ministry (viewer) and the regulator (admin).
 */
class CaseEndpointsTest {

  private final TestServer server = new TestServer();
  private final String police = server.investigatorToken();
  private final String policeAnalyst = token(Role.ANALYST, "police");
  private final String customs = token(Role.INVESTIGATOR, "customs");
  private final String fiuAnalyst = token(Role.ANALYST, "fiu");
  private String alertId;

  private String token(Role role, String organisation) {
    MintedToken minted = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(minted.secretHash(), organisation, role, Instant.now()));
    return minted.secret();
  }

  @BeforeEach
  void recordTheChainWithDetection() {
    Detection.attach(server.recorder());
    server.seedRegistry();
    assertThat(server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken()).status())
        .isEqualTo(201);
    alertId = server.get("/api/v1/alerts").json().get("items").get(0).get("id").asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response get(String path, String token) {
    return server.get(path, "Authorization", "Bearer " + token);
  }

  private String open(String title, String token) {
    Response opened =
        server.post("/api/v1/cases", "{\"title\": \"" + title + "\", \"alerts\": []}", token);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    return opened.json().get("id").asText();
  }

  private Response act(String caseId, String action, String token) {
    return server.post("/api/v1/cases/" + caseId + "/actions", action, token);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  @Test
  void opensACaseFromAnAlertWithItsFirstAuditEntry() {
    Response opened =
        server.post(
            "/api/v1/cases",
            "{\"title\": \"Tag laundering at Luwowo\", \"alerts\": [\"" + alertId + "\"]}",
            police);

    assertThat(opened.status()).isEqualTo(201);
    JsonNode body = opened.json();
    String id = body.get("id").asText();
    assertThat(opened.header("Location")).contains("/api/v1/cases/" + id);
    assertThat(body.get("state").asText()).isEqualTo("open");
    assertThat(body.get("owner").asText()).isEqualTo("police");
    assertThat(body.get("alerts").get(0).asText()).isEqualTo(alertId);
    JsonNode entry = body.get("trail").get(0);
    assertThat(entry.get("sequence").asLong()).isEqualTo(1);
    assertThat(entry.get("organisation").asText()).isEqualTo("police");
    assertThat(entry.get("role").asText()).isEqualTo("investigator");
    assertThat(entry.get("clientAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(entry.get("action").get("type").asText()).isEqualTo("open");
    assertThat(Instant.parse(entry.get("at").asText())).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void anotherOrganisationGetsNotFoundAndDoesNotSeeTheCaseListed() {
    String id = open("Police only", police);
    String customsOwn = open("Customs only", customs);

    assertThat(get("/api/v1/cases/" + id, customs).status()).isEqualTo(404);
    assertThat(get("/api/v1/cases/" + id, fiuAnalyst).status()).isEqualTo(404);
    assertThat(act(id, "{\"type\": \"note\", \"text\": \"mine now\"}", customs).status())
        .isEqualTo(404);
    assertThat(ids(get("/api/v1/cases", customs).json())).containsExactly(customsOwn);
    assertThat(get("/api/v1/cases", fiuAnalyst).json().get("total").asLong()).isZero();
    assertThat(ids(get("/api/v1/cases", police).json())).containsExactly(id);
    // The regulator's admin token is an admin of another organisation: no exception for it.
    assertThat(get("/api/v1/cases/" + id, server.adminToken()).status()).isEqualTo(404);
    assertThat(get("/api/v1/cases/" + id, policeAnalyst).status()).isEqualTo(200);
  }

  @Test
  void sharingLetsAnAnalystReadButNotAct() {
    String id = open("Shared with the FIU", police);

    Response shared = act(id, "{\"type\": \"share\", \"organisation\": \"fiu\"}", police);

    assertThat(shared.status()).as(shared.text()).isEqualTo(200);
    assertThat(shared.json().get("sharedWith").get(0).asText()).isEqualTo("fiu");
    assertThat(get("/api/v1/cases/" + id, fiuAnalyst).status()).isEqualTo(200);
    assertThat(ids(get("/api/v1/cases", fiuAnalyst).json())).containsExactly(id);
    assertThat(act(id, "{\"type\": \"note\", \"text\": \"seen\"}", fiuAnalyst).status())
        .isEqualTo(403);
    assertThat(get("/api/v1/cases/" + id, customs).status()).isEqualTo(404);
  }

  @Test
  void aHandoverMovesTheCaseAndEveryActionIsInTheTrail() {
    String id = open("Smuggling to Kigali", police);
    act(id, "{\"type\": \"assign\", \"assignee\": \"inspector Amani\"}", police);
    act(id, "{\"type\": \"attach\", \"kind\": \"lot\", \"value\": \"LOT-A\"}", police);
    act(id, "{\"type\": \"attach\", \"kind\": \"actor\", \"value\": \"TRADER-1\"}", police);
    act(id, "{\"type\": \"state\", \"state\": \"investigating\"}", police);
    Response handedOver =
        act(id, "{\"type\": \"handover\", \"organisation\": \"customs\"}", police);
    assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(200);

    assertThat(act(id, "{\"type\": \"assign\", \"assignee\": \"x\"}", police).status())
        .isEqualTo(403);
    assertThat(
            act(id, "{\"type\": \"note\", \"text\": \"handed over with files\"}", police).status())
        .isEqualTo(200);
    Response closed =
        act(
            id,
            "{\"type\": \"state\", \"state\": \"closed\", \"outcome\": \"goods seized\"}",
            customs);
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);

    JsonNode body = get("/api/v1/cases/" + id, customs).json();
    assertThat(body.get("owner").asText()).isEqualTo("customs");
    assertThat(body.get("sharedWith").get(0).asText()).isEqualTo("police");
    assertThat(body.get("state").asText()).isEqualTo("closed");
    assertThat(body.get("outcome").asText()).isEqualTo("goods seized");
    assertThat(body.get("references")).hasSize(3);
    List<String> trail = new ArrayList<>();
    body.get("trail")
        .forEach(
            entry ->
                trail.add(
                    entry.get("organisation").asText()
                        + " "
                        + entry.get("action").get("type").asText()));
    assertThat(trail)
        .containsExactly(
            "police open",
            "police assign",
            "police attach",
            "police attach",
            "police state",
            "police handover",
            "police note",
            "customs state");
    assertThat(ids(get("/api/v1/cases?state=closed", police).json())).containsExactly(id);
    assertThat(get("/api/v1/cases?state=open", police).json().get("total").asLong()).isZero();
  }

  @Test
  void attachesAnUploadedEvidenceFileByItsDigest() {
    String id = open("Weighing slip", police);
    Response uploaded =
        server.post(
            "/api/v1/evidence",
            "slip".getBytes(StandardCharsets.UTF_8),
            "image/jpeg",
            server.recorderToken());
    String sha256 = uploaded.json().get("sha256").asText();

    Response attached =
        act(
            id,
            "{\"type\": \"attach\", \"kind\": \"evidence\", \"value\": \"" + sha256 + "\"}",
            police);

    assertThat(attached.status()).as(attached.text()).isEqualTo(200);
    assertThat(attached.json().get("references").get(0).get("value").asText()).isEqualTo(sha256);
  }

  @Test
  void rolesWithoutCasesAreRefused() {
    String id = open("Roles", police);

    assertThat(get("/api/v1/cases", server.viewerToken()).status()).isEqualTo(403);
    assertThat(get("/api/v1/cases/" + id, server.recorderToken()).status()).isEqualTo(403);
    assertThat(server.getAnonymously("/api/v1/cases").status()).isEqualTo(401);
    assertThat(server.post("/api/v1/cases", "{\"title\": \"t\"}", policeAnalyst).status())
        .isEqualTo(403);
    assertThat(server.post("/api/v1/cases", "{\"title\": \"t\"}", null).status()).isEqualTo(401);
  }

  @Test
  void badInputGetsProblemsAndWritesNothing() {
    String id = open("Bad input", police);

    Response unknownAlert =
        server.post("/api/v1/cases", "{\"title\": \"t\", \"alerts\": [\"D1-nothing\"]}", police);
    assertThat(unknownAlert.status()).isEqualTo(422);
    assertThat(unknownAlert.contentType()).startsWith("application/problem+json");
    assertThat(unknownAlert.json().get("errors").get(0).get("field").asText())
        .isEqualTo("alerts/0");
    assertThat(server.post("/api/v1/cases", "{\"alerts\": []}", police).status()).isEqualTo(422);
    assertThat(server.post("/api/v1/cases", "not json", police).status()).isEqualTo(400);
    assertThat(act(id, "{\"type\": \"dance\"}", police).status()).isEqualTo(422);
    assertThat(act(id, "{\"type\": \"state\", \"state\": \"closed\"}", police).status())
        .isEqualTo(422);
    assertThat(act(id, "{\"type\": \"state\", \"state\": \"open\"}", police).status())
        .isEqualTo(422);
    assertThat(
            act(id, "{\"type\": \"attach\", \"kind\": \"lot\", \"value\": \"LOT-Z\"}", police)
                .status())
        .isEqualTo(422);
    assertThat(act(id, "{\"type\": \"note\", \"text\": \"x\", \"extra\": 1}", police).status())
        .isEqualTo(422);
    assertThat(act(id, "{\"type\": \"share\", \"organisation\": \"police\"}", police).status())
        .isEqualTo(422);
    assertThat(act("case-unknown", "{\"type\": \"note\", \"text\": \"x\"}", police).status())
        .isEqualTo(404);
    assertThat(get("/api/v1/cases?state=pending", police).status()).isEqualTo(400);

    assertThat(get("/api/v1/cases/" + id, police).json().get("trail")).hasSize(1);
  }

  @Test
  void theOwnerWithdrawsAShareAndTheOtherAgencyLosesSightAtOnce() {
    String id = open("Shared, then withdrawn", police);
    act(id, "{\"type\": \"share\", \"organisation\": \"fiu\"}", police);
    act(id, "{\"type\": \"share\", \"organisation\": \"customs\"}", police);
    assertThat(get("/api/v1/cases/" + id, fiuAnalyst).status()).isEqualTo(200);
    String unshareFiu = "{\"type\": \"unshare\", \"organisation\": \"fiu\"}";

    // only the owner withdraws: customs has the case shared with it, the FIU only reads
    assertThat(act(id, unshareFiu, customs).status()).isEqualTo(403);
    assertThat(act(id, unshareFiu, fiuAnalyst).status()).isEqualTo(403);
    Response withdrawn = act(id, unshareFiu, police);

    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    assertThat(texts(withdrawn.json().get("sharedWith"))).containsExactly("customs");
    assertThat(get("/api/v1/cases/" + id, fiuAnalyst).status()).isEqualTo(404);
    assertThat(get("/api/v1/cases", fiuAnalyst).json().get("total").asLong()).isZero();
    assertThat(get("/api/v1/cases/" + id, customs).status()).isEqualTo(200);
    JsonNode last = lastEntry(get("/api/v1/cases/" + id, police).json());
    assertThat(last.get("organisation").asText()).isEqualTo("police");
    assertThat(last.get("role").asText()).isEqualTo("investigator");
    assertThat(last.get("clientAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(last.get("action").toString())
        .isEqualTo("{\"type\":\"unshare\",\"organisation\":\"fiu\"}");
    assertThat(ledgerHasCaseAction(id, last.get("sequence").asLong())).isTrue();
    // withdrawing what is not shared is refused and writes nothing; sharing again works
    assertThat(act(id, unshareFiu, police).status()).isEqualTo(422);
    assertThat(act(id, "{\"type\": \"unshare\", \"organisation\": \"police\"}", police).status())
        .isEqualTo(422);
    assertThat(act(id, "{\"type\": \"share\", \"organisation\": \"fiu\"}", police).status())
        .isEqualTo(200);
    assertThat(get("/api/v1/cases/" + id, fiuAnalyst).status()).isEqualTo(200);
    assertThat(get("/api/v1/cases/" + id, police).json().get("trail")).hasSize(5);
  }

  @Test
  void closingAndReopeningACitedAlertIsInTheTrailOfEveryCaseCitingIt() {
    Response fromAlert =
        server.post(
            "/api/v1/cases",
            "{\"title\": \"From the alert\", \"alerts\": [\"" + alertId + "\"]}",
            police);
    String openedFrom = fromAlert.json().get("id").asText();
    String attachedTo = open("Alert attached later", server.adminToken());
    assertThat(
            act(
                    attachedTo,
                    "{\"type\": \"attach\", \"kind\": \"alert\", \"value\": \"" + alertId + "\"}",
                    server.adminToken())
                .status())
        .isEqualTo(200);
    String unrelated = open("Not about the alert", police);
    String status = "/api/v1/alerts/" + alertId + "/status";

    Response closed =
        server.post(
            status,
            "{\"status\": \"closed\", \"reason\": \"weighing error, lot re-weighed\"}",
            police);
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    Response reopened =
        server.post(
            status,
            "{\"status\": \"open\", \"reason\": \"the re-weighing was not witnessed\"}",
            server.adminToken());
    assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);

    for (String[] citing :
        new String[][] {{openedFrom, police}, {attachedTo, server.adminToken()}}) {
      JsonNode trail = get("/api/v1/cases/" + citing[0], citing[1]).json().get("trail");
      JsonNode closing = trail.get(trail.size() - 2);
      JsonNode reopening = trail.get(trail.size() - 1);
      assertThat(closing.get("organisation").asText()).isEqualTo("police");
      assertThat(closing.get("role").asText()).isEqualTo("investigator");
      assertThat(closing.get("clientAddress").asText()).isEqualTo("127.0.0.1");
      assertThat(Instant.parse(closing.get("at").asText())).isBeforeOrEqualTo(Instant.now());
      assertThat(closing.get("action").get("type").asText()).isEqualTo("alert-status");
      assertThat(closing.get("action").get("alert").asText()).isEqualTo(alertId);
      assertThat(closing.get("action").get("status").asText()).isEqualTo("closed");
      assertThat(closing.get("action").get("reason").asText())
          .isEqualTo("weighing error, lot re-weighed");
      assertThat(reopening.get("organisation").asText()).isEqualTo("regulator");
      assertThat(reopening.get("role").asText()).isEqualTo("admin");
      assertThat(reopening.get("action").get("status").asText()).isEqualTo("open");
      assertThat(ledgerHasCaseAction(citing[0], closing.get("sequence").asLong())).isTrue();
      assertThat(ledgerHasCaseAction(citing[0], reopening.get("sequence").asLong())).isTrue();
    }
    assertThat(get("/api/v1/cases/" + unrelated, police).json().get("trail")).hasSize(1);
    // the entry is Oretrace's to write: a client may not put one in a trail
    assertThat(
            act(
                    openedFrom,
                    "{\"type\": \"alert-status\", \"alert\": \""
                        + alertId
                        + "\", \"status\": \"closed\", \"reason\": \"forged\"}",
                    police)
                .status())
        .isEqualTo(422);
  }

  private static JsonNode lastEntry(JsonNode caseFile) {
    JsonNode trail = caseFile.get("trail");
    return trail.get(trail.size() - 1);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  /** Whether the case's trail entry is a case-action record of the verifiable ledger. */
  private boolean ledgerHasCaseAction(String caseId, long sequence) {
    Ledger ledger = server.store().ledger();
    return ledger.entries(0, (int) ledger.size()).stream()
        .anyMatch(
            entry ->
                entry.kind().equals(LedgerRecords.CASE_ACTION)
                    && entry.subject().equals(LedgerRecords.caseActionSubject(caseId, sequence)));
  }
}
