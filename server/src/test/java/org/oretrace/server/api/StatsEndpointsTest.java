package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oretrace.server.DemoWorld;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

/** The statistics routes over a small simulated world, through real HTTP. */
class StatsEndpointsTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(DemoWorld.load(42, 200));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theSummaryCountsTheRecord() {
    JsonNode health = server.get("/api/v1/health").json();
    Response response = server.get("/api/v1/stats/summary");

    assertThat(response.status()).isEqualTo(200);
    JsonNode summary = response.json();
    for (String count : List.of("sites", "actors", "lots", "events")) {
      assertThat(summary.get(count).asLong()).as(count).isEqualTo(health.get(count).asLong());
    }
    long byStatus = 0;
    for (JsonNode value : summary.get("sitesByIcglrStatus")) {
      byStatus += value.asLong();
    }
    assertThat(byStatus).isEqualTo(summary.get("sites").asLong());
    assertThat(summary.get("sitesByIcglrStatus").has("red")).isTrue();
    assertThat(summary.get("minerals")).isNotEmpty();
    assertThat(summary.get("minerals").get(0).get("taggedGrams").asLong()).isPositive();
    assertThat(summary.get("firstMonth").asText()).matches("\\d{4}-\\d{2}");
  }

  @Test
  void monthlyMassesHaveOneValuePerMonth() {
    JsonNode monthly = server.get("/api/v1/stats/monthly").json();

    int months = monthly.get("months").size();
    assertThat(months).isPositive();
    assertThat(monthly.get("series"))
        .isNotEmpty()
        .allSatisfy(series -> assertThat(series.get("massGrams")).hasSize(months));
    List<String> measures = new ArrayList<>();
    monthly.get("series").forEach(series -> measures.add(series.get("measure").asText()));
    assertThat(measures).contains("tagged", "exported");
  }

  @Test
  void flowsLinkKnownNodes() {
    JsonNode summary = server.get("/api/v1/stats/summary").json();
    String mineral = summary.get("minerals").get(0).get("mineral").asText();
    Response response =
        server.get(
            "/api/v1/stats/flows?mineral="
                + mineral
                + "&from="
                + summary.get("firstMonth").asText()
                + "&to="
                + summary.get("lastMonth").asText());

    assertThat(response.status()).isEqualTo(200);
    JsonNode flows = response.json();
    List<String> ids = new ArrayList<>();
    flows.get("nodes").forEach(node -> ids.add(node.get("id").asText()));
    assertThat(flows.get("links"))
        .isNotEmpty()
        .allSatisfy(
            link -> {
              assertThat(ids).contains(link.get("source").asText(), link.get("target").asText());
              assertThat(link.get("massGrams").asLong()).isPositive();
            });
    assertThat(flows.get("nodes"))
        .filteredOn(node -> node.get("kind").asText().equals("site"))
        .allSatisfy(node -> assertThat(node.has("icglrStatus") && node.has("location")).isTrue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/stats/flows?from=2024-13",
        "/api/v1/stats/flows?to=last-year",
        "/api/v1/stats/flows?from=2024-06&to=2024-05",
        "/api/v1/stats/flows?mineral=unobtainium",
        "/api/v1/stats/monthly?mineral=unobtainium"
      })
  void refusesABadParameterWithAProblem(String path) {
    Response response = server.get(path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void throughputOfASiteAndAnActor() {
    JsonNode sites = server.get("/api/v1/sites?limit=1").json();
    String site = sites.get("items").get(0).get("id").asText();
    JsonNode flows = server.get("/api/v1/stats/flows").json();
    String actor = null;
    for (JsonNode link : flows.get("links")) {
      if (link.get("source").asText().startsWith("site:")) {
        actor = link.get("target").asText().substring("actor:".length());
      }
    }

    assertThat(server.get("/api/v1/sites/" + site + "/throughput").status()).isEqualTo(200);
    JsonNode actorThroughput = server.get("/api/v1/actors/" + actor + "/throughput").json();
    assertThat(actorThroughput.get("series")).isNotEmpty();
    assertThat(server.get("/api/v1/sites/no-such-site/throughput").status()).isEqualTo(404);
    assertThat(server.get("/api/v1/actors/no-such-actor/throughput").status()).isEqualTo(404);
  }
}
