package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.community.ReceiptCode;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.TokenStore.ApiToken;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * The anonymous channel against a real server over a real SQLite file in a folder of the test's
 * own, so that the test can read every byte written and look for the sender's address in it. The
 * regulator is TestServer's admin token (organisation "regulator"); the police investigator is
 * another agency.
 */
class CommunityReportEndpointsTest {

  @TempDir Path folder;
  private TestServer server;
  private String regulatorAnalyst;

  private static final String REPORT =
      """
      {"kind": "child-labour", "site": "CD-NK-001",
       "text": "Children carry bags at the lower pit every morning"}
      """;

  @BeforeEach
  void start() {
    server = new TestServer(SqliteStore.open(folder.resolve("oretrace.db")));
    server.seedRegistry();
    MintedToken minted = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(minted.secretHash(), "regulator", Role.ANALYST, Instant.now()));
    regulatorAnalyst = minted.secret();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response send(String body) {
    return server.post("/api/v1/community-reports", body, null);
  }

  private Response get(String path, String token) {
    return server.get(path, "Authorization", "Bearer " + token);
  }

  @Test
  void anAnonymousReportGetsAReceiptAndBecomesAnAlertWithoutItsWords() {
    Response sent = send(REPORT);

    assertThat(sent.status()).as(sent.text()).isEqualTo(201);
    JsonNode report = sent.json();
    String code = report.get("receipt").asText();
    assertThat(ReceiptCode.normalise(code)).isEqualTo(code);
    assertThat(report.get("status").asText()).isEqualTo("received");
    JsonNode alerts = server.get("/api/v1/alerts?detector=C1").json();
    assertThat(alerts.get("total").asLong()).isEqualTo(1);
    JsonNode alert = alerts.get("items").get(0);
    assertThat(alert.get("detectorName").asText()).isEqualTo("community-report");
    assertThat(alert.get("sites").get(0).asText()).isEqualTo("CD-NK-001");
    assertThat(alert.get("explanation").asText())
        .contains("child labour", "Luwowo", report.get("id").asText())
        .doesNotContain("lower pit");
  }

  @Test
  void nothingWrittenHoldsTheSendersAddressOrTheReceiptCode() throws IOException {
    String code = send(REPORT).json().get("receipt").asText();
    server.get("/api/v1/community-reports/receipt/" + code);
    server.post(
        "/api/v1/community-reports/receipt/" + code + "/messages",
        "{\"text\": \"It was on Monday\"}",
        null);

    String written = everythingWritten();

    assertThat(written).contains("Children carry bags", "It was on Monday");
    assertThat(written).contains(ReceiptCode.hash(code));
    assertThat(written).doesNotContain("127.0.0.1", code, code.replace("-", ""));
  }

  @Test
  void theReporterFollowsWithTheCodeAndAnswersTheRegulatorsQuestion() {
    JsonNode sent = send(REPORT).json();
    String code = sent.get("receipt").asText();
    String id = sent.get("id").asText();

    Response asked =
        server.post(
            "/api/v1/community-reports/" + id + "/messages",
            "{\"text\": \"How old are the children?\"}",
            server.adminToken());
    assertThat(asked.status()).as(asked.text()).isEqualTo(200);
    assertThat(asked.json().get("status").asText()).isEqualTo("under-review");

    // The code is read back whatever its case and dashes.
    String typed = code.replace("-", "").toLowerCase(Locale.ROOT);
    JsonNode followed = server.get("/api/v1/community-reports/receipt/" + typed).json();
    assertThat(followed.get("messages").get(0).get("from").asText()).isEqualTo("regulator");
    assertThat(followed.get("messages").get(0).get("text").asText())
        .isEqualTo("How old are the children?");
    Response answered =
        server.post(
            "/api/v1/community-reports/receipt/" + code + "/messages",
            "{\"text\": \"Ten or twelve\"}",
            null);
    assertThat(answered.status()).isEqualTo(200);

    JsonNode seen = get("/api/v1/community-reports/" + id, regulatorAnalyst).json();
    assertThat(seen.get("messages").findValuesAsText("text"))
        .containsExactly("How old are the children?", "Ten or twelve");
    assertThat(seen.get("messages").get(1).get("from").asText()).isEqualTo("reporter");
    assertThat(server.get("/api/v1/community-reports/receipt/" + ReceiptCode.generate()).status())
        .isEqualTo(404);
    assertThat(server.get("/api/v1/community-reports/receipt/not-a-code").status()).isEqualTo(404);
  }

  @Test
  void onlyTheRegulatorSeesReportsAndOnlyItsInvestigatorsAndAdminsAnswer() {
    String id = send(REPORT).json().get("id").asText();

    assertThat(get("/api/v1/community-reports", regulatorAnalyst).json().get("total").asLong())
        .isEqualTo(1);
    // the police (an agency of the same country) may list reports shared with it: none is
    assertThat(
            get("/api/v1/community-reports", server.investigatorToken())
                .json()
                .get("total")
                .asLong())
        .isZero();
    assertThat(get("/api/v1/community-reports/" + id, server.investigatorToken()).status())
        .isEqualTo(404);
    assertThat(get("/api/v1/community-reports/" + id, server.viewerToken()).status())
        .isEqualTo(404);
    assertThat(server.getAnonymously("/api/v1/community-reports").status()).isEqualTo(401);
    assertThat(
            server
                .post(
                    "/api/v1/community-reports/" + id + "/messages",
                    "{\"text\": \"?\"}",
                    regulatorAnalyst)
                .status())
        .isEqualTo(403);
    Response closed =
        server.post(
            "/api/v1/community-reports/" + id + "/status",
            "{\"status\": \"closed\"}",
            server.adminToken());
    assertThat(closed.json().get("status").asText()).isEqualTo("closed");
  }

  @Test
  void aPhotoIsKeptByItsDigestAndAContactOnlyWhenGiven() {
    byte[] photo = "not really a jpeg, but bytes".getBytes(StandardCharsets.UTF_8);
    Response sent =
        send(
            """
            {"kind": "armed-presence", "site": "CD-NK-002", "text": "Men with guns at the gate",
             "photo": "%s", "photoMediaType": "image/jpeg", "contact": "+243 990 000 000"}
            """
                .formatted(Base64.getEncoder().encodeToString(photo)));

    assertThat(sent.status()).as(sent.text()).isEqualTo(201);
    String sha256 = sent.json().get("photo").asText();
    assertThat(sha256).matches("[0-9a-f]{64}");
    assertThat(server.get("/api/v1/evidence/" + sha256).text())
        .isEqualTo(new String(photo, StandardCharsets.UTF_8));
    String id = sent.json().get("id").asText();
    assertThat(
            get("/api/v1/community-reports/" + id, regulatorAnalyst).json().get("contact").asText())
        .isEqualTo("+243 990 000 000");
    assertThat(send(REPORT).json().has("contact")).isFalse();
  }

  @Test
  void theRegulatorSharesAReportWithOtherAgenciesWhoThenReadItAndItsPhotoButDoNotAnswer() {
    byte[] photo = "a photo of the road block".getBytes(StandardCharsets.UTF_8);
    JsonNode sent =
        send("{\"kind\": \"illegal-taxation\", \"site\": \"CD-NK-001\","
                + " \"text\": \"Soldiers tax every bag\", \"photo\": \""
                + Base64.getEncoder().encodeToString(photo)
                + "\"}")
            .json();
    String id = sent.get("id").asText();
    String report = "/api/v1/community-reports/" + id;
    String evidence = "/api/v1/evidence/" + sent.get("photo").asText();
    String police = server.investigatorToken();
    String foreignRegulator = token("regulator-rw", OrganisationType.REGULATOR, "RW");

    // before any share: the police and a regulator abroad see neither the report nor its photo,
    // though both may read evidence files in general
    for (String agency : List.of(police, foreignRegulator)) {
      assertThat(get(report, agency).status()).isEqualTo(404);
      assertThat(get(evidence, agency).status()).isEqualTo(404);
    }
    assertThat(get(evidence, regulatorAnalyst).status()).isEqualTo(200);
    assertThat(get(evidence, server.viewerToken()).status()).isEqualTo(404);

    // only the regulator's investigators and admins share, and only with another agency
    String toPolice = "{\"organisation\": \"police\"}";
    assertThat(server.post(report + "/share", toPolice, police).status()).isEqualTo(403);
    assertThat(server.post(report + "/share", toPolice, regulatorAnalyst).status()).isEqualTo(403);
    assertThat(
            server
                .post(report + "/share", "{\"organisation\": \"nobody\"}", server.adminToken())
                .status())
        .isEqualTo(400);
    assertThat(
            server
                .post(report + "/share", "{\"organisation\": \"regulator\"}", server.adminToken())
                .status())
        .isEqualTo(400);

    Response shared = server.post(report + "/share", toPolice, server.adminToken());
    assertThat(shared.status()).as(shared.text()).isEqualTo(200);
    JsonNode share = shared.json().get("sharedWith").get(0);
    assertThat(share.get("organisation").asText()).isEqualTo("police");
    assertThat(share.get("by").asText()).isEqualTo("regulator");
    assertThat(share.get("at").asText()).isNotBlank();
    server.post(report + "/share", "{\"organisation\": \"regulator-rw\"}", server.adminToken());
    // sharing again records nothing more
    assertThat(
            server.post(report + "/share", toPolice, server.adminToken()).json().get("sharedWith"))
        .hasSize(2);

    for (String agency : List.of(police, foreignRegulator)) {
      assertThat(get(report, agency).status()).isEqualTo(200);
      assertThat(get(evidence, agency).text()).isEqualTo(new String(photo, StandardCharsets.UTF_8));
      assertThat(get("/api/v1/community-reports", agency).json().get("total").asLong()).isOne();
    }
    // an agency a report was shared with reads it; it neither answers nor shares it further
    assertThat(
            server
                .post(report + "/messages", "{\"text\": \"Which soldiers?\"}", foreignRegulator)
                .status())
        .isEqualTo(403);
    assertThat(server.post(report + "/share", toPolice, foreignRegulator).status()).isEqualTo(403);
  }

  @Test
  void theRegulatorWithdrawsAShareAndTheAgencyLosesTheReportAndItsPhotoAtOnce() {
    byte[] photo = "armed men at the pit".getBytes(StandardCharsets.UTF_8);
    JsonNode sent =
        send("{\"kind\": \"armed-presence\", \"site\": \"CD-NK-001\","
                + " \"text\": \"Armed men at the pit\", \"photo\": \""
                + Base64.getEncoder().encodeToString(photo)
                + "\"}")
            .json();
    String report = "/api/v1/community-reports/" + sent.get("id").asText();
    String evidence = "/api/v1/evidence/" + sent.get("photo").asText();
    String police = server.investigatorToken();
    String fiu = token("fiu-cd", OrganisationType.FIU, "CD");
    String toPolice = "{\"organisation\": \"police\"}";
    server.post(report + "/share", toPolice, server.adminToken());
    server.post(report + "/share", "{\"organisation\": \"fiu-cd\"}", server.adminToken());
    assertThat(get(report, police).status()).isEqualTo(200);
    assertThat(get(evidence, police).status()).isEqualTo(200);

    // the agency it was shared with may not withdraw it, nor may the regulator's analysts
    assertThat(server.post(report + "/unshare", toPolice, police).status()).isEqualTo(403);
    assertThat(server.post(report + "/unshare", toPolice, regulatorAnalyst).status())
        .isEqualTo(403);
    Response withdrawn = server.post(report + "/unshare", toPolice, server.adminToken());

    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    assertThat(withdrawn.json().get("sharedWith").findValuesAsText("organisation"))
        .containsExactly("fiu-cd");
    JsonNode history = withdrawn.json().get("shareHistory");
    assertThat(history.findValuesAsText("action")).containsExactly("share", "share", "withdraw");
    assertThat(history.get(2).get("organisation").asText()).isEqualTo("police");
    assertThat(history.get(2).get("by").asText()).isEqualTo("regulator");
    assertThat(history.get(2).get("at").asText()).isNotBlank();
    // the police no longer see the report, its photo, or it in their listing; the FIU still does
    assertThat(get(report, police).status()).isEqualTo(404);
    assertThat(get(evidence, police).status()).isEqualTo(404);
    assertThat(get("/api/v1/community-reports", police).json().get("total").asLong()).isZero();
    assertThat(get(report, fiu).status()).isEqualTo(200);
    assertThat(get(evidence, fiu).status()).isEqualTo(200);
    // what is not shared cannot be withdrawn; the police may be given it again
    assertThat(server.post(report + "/unshare", toPolice, server.adminToken()).status())
        .isEqualTo(400);
    assertThat(server.post(report + "/share", toPolice, server.adminToken()).status())
        .isEqualTo(200);
    assertThat(get(report, police).status()).isEqualTo(200);
    assertThat(get(report, server.adminToken()).json().get("shareHistory")).hasSize(4);
  }

  /** An investigator's API token of a new organisation of this type and country. */
  private String token(String organisation, OrganisationType type, String country) {
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(organisation, organisation, type, new Country(country), List.of()));
    MintedToken minted = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(minted.secretHash(), organisation, Role.INVESTIGATOR, Instant.now()));
    return minted.secret();
  }

  @Test
  void badReportsAreRefusedWithEveryErrorAndTooManyFromOneClientAreRefused() {
    Response bad = send("{\"kind\": \"gossip\", \"site\": \"NO-SUCH\", \"photo\": \"***\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsText("field"))
        .contains("kind", "text", "photo");
    assertThat(send("{\"kind\": \"other\", \"site\": \"NO-SUCH\", \"text\": \"x\"}").status())
        .isEqualTo(422);

    // Two sends above were refused but counted; three more reach the hourly limit of five.
    for (int index = 0; index < CommunityReportEndpoints.REPORTS_PER_HOUR - 2; index++) {
      assertThat(send(REPORT).status()).isEqualTo(201);
    }
    Response limited = send(REPORT);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).contains("3600");
    assertThat(limited.contentType()).startsWith("application/problem+json");
  }

  @Test
  void servesThePublicFormWithNothingFromElsewhere() {
    Response page = server.get("/report");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text())
        .contains("/api/v1/community-reports", "child-labour", "receipt code")
        .doesNotContain("http://", "https://", "//cdn", "<link", "src=");
  }

  private String everythingWritten() {
    StringBuilder written = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        written.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written.toString();
  }
}
