package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.Detection;

/** Trade statistics in, D10 alerts and the country view out; risk scores with their factors. */
class TradeEndpointsTest {

  /**
   * DRC declares the 80 kg of coltan the record shows it exporting to Malaysia, but Malaysia
   * declares importing 20 t from it; Rwanda declares exporting 5 t of wolframite it has no assessed
   * capacity to mine.
   */
  private static final String STATISTICS =
      """
      reporterISO,partnerISO,refYear,refMonth,cmdCode,flowCode,netWgt,primaryValue
      COD,MYS,2025,3,261590,X,80,4800
      MYS,COD,2025,4,261590,M,20000,1200000
      RWA,CHN,2025,6,261100,X,5000,70000
      """;

  private final TestServer server = new TestServer();

  @BeforeEach
  void recordTheChain() {
    Detection.attach(server.recorder());
    server.seedRegistry();
    assertThat(server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken()).status())
        .isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response postStatistics(String csv, String token) {
    return server.post(
        "/api/v1/trade-statistics",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "text/csv",
        token);
  }

  @Test
  void importedStatisticsRaiseMirrorTradeAlertsAndFillTheCountryView() {
    Response imported = postStatistics(STATISTICS, server.adminToken());

    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("lines").asInt()).isEqualTo(3);
    assertThat(ids(imported.json().get("alerts")))
        .containsExactlyInAnyOrder("D10-CD-coltan-2025-mirror", "D10-RW-wolframite-2025-capacity");

    JsonNode congo = server.get("/api/v1/countries/CD").json();
    assertThat(congo.get("name").asText()).startsWith("Congo");
    assertThat(congo.get("production").get(0).get("capacityKgPerMonth").asLong()).isEqualTo(20_000);
    JsonNode coltan = congo.get("trade").get(0);
    assertThat(coltan.get("mineral").asText()).isEqualTo("coltan");
    assertThat(coltan.get("year").asInt()).isEqualTo(2025);
    assertThat(coltan.get("recordedExportKg").decimalValue()).isEqualByComparingTo("79.8");
    assertThat(coltan.get("declaredExportKg").decimalValue()).isEqualByComparingTo("80");
    assertThat(coltan.get("mirrorImportKg").decimalValue()).isEqualByComparingTo("20000");
    assertThat(coltan.get("gapKg").decimalValue()).isEqualByComparingTo("19920");
    assertThat(coltan.get("partners").get(0).get("partner").asText()).isEqualTo("MY");
    assertThat(ids(congo.get("alerts"))).containsExactly("D10-CD-coltan-2025-mirror");
    assertThat(congo.get("alerts").get(0).get("explanation").asText())
        .startsWith("Partners declared importing 20.0 t of coltan from Congo")
        .contains("in 2025, but")
        .contains("declared exporting 80 kg: 19.9 t left without an export declaration");

    // Importing the same lines again replaces them and raises nothing twice.
    assertThat(postStatistics(STATISTICS, server.adminToken()).status()).isEqualTo(200);
    assertThat(server.get("/api/v1/alerts?detector=D10").json().get("total").asLong()).isEqualTo(2);
  }

  @Test
  void anHonestCountryRaisesNothing() {
    String honest =
        """
        reporter,partner,year,month,hs,flow,netMassKg
        CD,MY,2025,3,261590,export,80
        MY,CD,2025,4,261590,import,79.5
        """;

    Response imported = postStatistics(honest, server.adminToken());

    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("alerts")).isEmpty();
  }

  @Test
  void writingNeedsAnAdministratorAndBadFilesAreRefusedWhole() {
    assertThat(postStatistics(STATISTICS, server.recorderToken()).status()).isEqualTo(403);
    assertThat(postStatistics(STATISTICS, null).status()).isEqualTo(401);

    Response bad =
        postStatistics(
            "reporter,partner,year,hs,flow,netMassKg\nCD,MY,2025,261590,export,80\nCD,ZZZZ,20x5,26,out,a\n",
            server.adminToken());

    assertThat(bad.status()).isBetween(400, 422);
    assertThat(bad.text()).contains("line 3");
    assertThat(server.store().tradeStatistics().count()).isZero();
    assertThat(server.get("/api/v1/countries/JP").status()).isEqualTo(404);
  }

  @Test
  void riskScoresAddUpTheirFactors() {
    // Red 40, armed control 35, CAHRA 10, and the D8 alert the chain raised on it: capped at 100.
    JsonNode red = server.get("/api/v1/risk/sites/CD-NK-002").json();
    assertThat(red.get("score").asInt()).isEqualTo(100);
    assertThat(names(red.get("factors")))
        .containsExactly("origin-status", "armed-presence", "cahra", "alerts");
    JsonNode yellow = server.get("/api/v1/risk/sites/CD-SK-010").json();
    assertThat(yellow.get("score").asInt()).isEqualTo(15);

    JsonNode green = server.get("/api/v1/risk/sites/RW-W-003").json();
    assertThat(green.get("score").asInt()).isZero();

    JsonNode merged = server.get("/api/v1/risk/lots/LOT-M").json();
    assertThat(merged.get("score").asInt()).isGreaterThanOrEqualTo(85);
    assertThat(names(merged.get("factors"))).contains("origin-status", "armed-presence");

    JsonNode comptoir = server.get("/api/v1/risk/actors/COMPTOIR-1").json();
    assertThat(names(comptoir.get("factors"))).contains("licence");
    assertThat(comptoir.get("score").asInt()).isGreaterThanOrEqualTo(20);

    assertThat(server.get("/api/v1/risk/lots/NO-SUCH-LOT").status()).isEqualTo(404);
    assertThat(server.get("/api/v1/risk/actors/NOBODY").status()).isEqualTo(404);
  }

  private static List<String> ids(JsonNode alerts) {
    List<String> ids = new ArrayList<>();
    alerts.forEach(alert -> ids.add(alert.get("id").asText()));
    return ids;
  }

  private static List<String> names(JsonNode factors) {
    List<String> names = new ArrayList<>();
    factors.forEach(factor -> names.add(factor.get("name").asText()));
    return names;
  }
}
