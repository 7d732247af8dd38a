package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.Detection;
import org.oretrace.store.report.CmrtExport;

/**
 * Company reports against a real server over real SQLite, on the fixture chain (two coltan lots
 * from Luwowo, green, and Rubaya East, red and armed-group-held, merged by the trader, exported and
 * smelted in Penang), with detection on, and an audit of Rubaya East. The PDF is read back with
 * PDFBox's text extraction.
 */
class ReportEndpointsTest {

  private final TestServer server = new TestServer();
  private String caseId;
  private String alertId;

  @BeforeEach
  void recordTheChain() {
    Detection.attach(server.recorder());
    server.seedRegistry();
    assertThat(server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken()).status())
        .isEqualTo(201);
    Response audit =
        server.post(
            "/api/v1/sites/CD-NK-002/audits",
            """
            {"auditor": "ICGLR RCM inspection team", "date": "2025-02-10",
             "scope": "security", "resultingStatus": "red",
             "findings": [{"description": "armed group taxes the pit", "severity": "critical"}]}
            """,
            server.adminToken());
    assertThat(audit.status()).isEqualTo(201);
    // Detection raised alerts on the trader's lots (origin risk of the Rubaya East lot at least).
    alertId = null;
    for (var alert : server.get("/api/v1/alerts").json().get("items")) {
      List<String> lots = new ArrayList<>();
      alert.get("lots").forEach(lot -> lots.add(lot.asText()));
      if (lots.contains("LOT-B") || lots.contains("LOT-M")) {
        alertId = alert.get("id").asText();
      }
    }
    assertThat(alertId).as("an alert on the trader's lots").isNotNull();
    Response opened =
        server.post(
            "/api/v1/cases",
            "{\"title\": \"Rubaya ore at Goma\", \"alerts\": [\"" + alertId + "\"]}",
            server.investigatorToken());
    assertThat(opened.status()).isEqualTo(201);
    caseId = opened.json().get("id").asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response get(String path, String token) {
    return server.get(path, "Authorization", "Bearer " + token);
  }

  @Test
  void theOecdReportWalksTheFiveStepsWithTheRedFlagsAndTheirHandling() {
    Response page =
        get("/api/v1/reports/oecd?actor=TRADER-1&year=2025", server.investigatorToken());

    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text())
        .contains(
            "OECD due-diligence report 2025: Goma Minerals Trading",
            "Step 1. Management systems",
            "Step 2. Risks identified",
            "Step 3. Strategy to respond",
            "Step 4. Independent third-party audits",
            "Step 5. Report",
            "Luwowo (CD-NK-001)",
            "Rubaya East (CD-NK-002)",
            "ICGLR status red (excluded)",
            "audited 1 time(s), latest 2025-02-10 by ICGLR RCM inspection team",
            alertId,
            "case " + caseId)
        .doesNotContain("http://", "https://");
    // Another organisation does not see the police's case in the report.
    assertThat(get("/api/v1/reports/oecd?actor=TRADER-1&year=2025", server.viewerToken()).text())
        .contains("not in any case visible to ministry-of-mines")
        .doesNotContain(caseId);
    // Nothing happened in 2024.
    assertThat(get("/api/v1/reports/oecd?actor=TRADER-1&year=2024", server.viewerToken()).text())
        .contains("No lots handled in 2024", "No red flag met");
  }

  @Test
  void thePdfIsTheSameReportRendered() throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + server.port()
                                + "/api/v1/reports/oecd.pdf?actor=TRADER-1&year=2025"))
                    .header("Authorization", "Bearer " + server.investigatorToken())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
    try (PDDocument document = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "OECD due-diligence report 2025: Goma Minerals Trading",
              "Step 5. Report",
              "Rubaya East (CD-NK-002)",
              "ICGLR status red (excluded)",
              caseId);
    }
  }

  @Test
  void theCmrtExportListsTheSmelterWithTheMinesAndCountriesOfOrigin() {
    Response csv = get("/api/v1/reports/cmrt?actor=TRADER-1", server.viewerToken());

    assertThat(csv.status()).as(csv.text()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> lines = csv.text().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("Metal,Smelter Look-up,Smelter Name,Smelter Country,");
    assertThat(lines.get(0).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
        .hasSize(CmrtExport.COLUMNS.size());
    String[] row = lines.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    assertThat(row).hasSize(CmrtExport.COLUMNS.size());
    assertThat(row[0]).isEqualTo("Tantalum");
    assertThat(row[2]).isEqualTo("Penang Tantalum Refinery");
    assertThat(row[4]).isEqualTo("SMELTER-1");
    assertThat(row[12]).contains("Luwowo (CD-NK-001)", "Rubaya East (CD-NK-002)");
    assertThat(row[14]).isEqualTo("No");
    // The smelter's own export lists it too; a transporter that touched nothing lists no smelter.
    assertThat(get("/api/v1/reports/cmrt?actor=SMELTER-1", server.viewerToken()).text().lines())
        .hasSize(2);
    assertThat(get("/api/v1/reports/cmrt?actor=TRANS-1", server.viewerToken()).text().lines())
        .hasSize(1);
  }

  @Test
  void reportsNeedATokenAndAKnownActor() {
    assertThat(server.getAnonymously("/api/v1/reports/oecd?actor=TRADER-1&year=2025").status())
        .isEqualTo(401);
    assertThat(server.getAnonymously("/api/v1/reports/cmrt?actor=TRADER-1").status())
        .isEqualTo(401);
    assertThat(get("/api/v1/reports/oecd?actor=NOBODY&year=2025", server.viewerToken()).status())
        .isEqualTo(404);
    assertThat(get("/api/v1/reports/oecd?year=2025", server.viewerToken()).status()).isEqualTo(400);
    assertThat(
            get("/api/v1/reports/oecd?actor=TRADER-1&year=twenty", server.viewerToken()).status())
        .isEqualTo(400);
  }
}
