package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.server.api.EventEndpointsTest.errors;
import static org.oretrace.server.api.EventEndpointsTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

class RegistryEndpointsTest {

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAdminUpsertsSitesAndActors() {
    Response sites = server.post("/api/v1/sites", Fixtures.SITES, server.adminToken());
    Response actors = server.post("/api/v1/actors", Fixtures.ACTORS, server.adminToken());

    assertThat(sites.status()).isEqualTo(200);
    assertThat(sites.json().get("count").asInt()).isEqualTo(5);
    assertThat(actors.json().get("count").asInt()).isEqualTo(5);
    JsonNode site = server.get("/api/v1/sites/CD-NK-002").json();
    assertThat(site.get("name").asText()).isEqualTo("Rubaya East");
    assertThat(site.get("icglrStatus").asText()).isEqualTo("red");
    assertThat(site.get("armedGroupPresence").asText()).isEqualTo("controlled");
    assertThat(server.get("/api/v1/actors/TRADER-1").json().get("licence").get("number").asText())
        .isEqualTo("NEG-2025-114");

    String renamed =
        "[{\"id\": \"CD-NK-002\", \"name\": \"Rubaya\", \"country\": \"CD\","
            + " \"location\": {\"lat\": -1.56, \"lon\": 28.88}, \"minerals\": [\"coltan\"],"
            + " \"icglrStatus\": \"red\"}]";
    assertThat(server.post("/api/v1/sites", renamed, server.adminToken()).status()).isEqualTo(200);
    assertThat(server.get("/api/v1/sites/CD-NK-002").json().get("name").asText())
        .isEqualTo("Rubaya");
    assertThat(server.get("/api/v1/health").json().get("sites").asLong()).isEqualTo(5);
  }

  @Test
  void refusesInvalidSitesAllOrNothing() {
    String sites =
        """
        [{"id": "OK-1", "name": "Fine", "country": "CD", "location": {"lat": 0, "lon": 0},
          "minerals": ["gold"], "icglrStatus": "green"},
         {"id": "BAD-1", "name": "Bad", "country": "XX", "location": {"lat": 95, "lon": 0},
          "minerals": ["gold"], "icglrStatus": "purple"}]
        """;

    Response response = server.post("/api/v1/sites", sites, server.adminToken());

    assertThat(response.status()).isEqualTo(422);
    assertThat(errors(response.json())).contains("1 country", "1 icglrStatus");
    assertThat(server.get("/api/v1/sites/OK-1").status()).isEqualTo(404);
  }

  @Test
  void onlyAdminsWriteTheRegistry() {
    assertThat(server.post("/api/v1/sites", Fixtures.SITES, null).status()).isEqualTo(401);
    assertThat(server.post("/api/v1/sites", Fixtures.SITES, server.recorderToken()).status())
        .isEqualTo(403);
    assertThat(server.post("/api/v1/actors", Fixtures.ACTORS, server.viewerToken()).status())
        .isEqualTo(403);
    assertThat(server.get("/api/v1/health").json().get("sites").asLong()).isZero();
  }

  @Test
  void pagesSitesInIdOrder() {
    server.seedRegistry();

    JsonNode page = server.get("/api/v1/sites?offset=1&limit=2").json();

    assertThat(texts(page.get("items"))).containsExactly("CD-NK-001", "CD-NK-002");
    assertThat(page.get("offset").asLong()).isEqualTo(1);
    assertThat(page.get("limit").asInt()).isEqualTo(2);
    assertThat(page.get("total").asLong()).isEqualTo(5);
    JsonNode everything = server.get("/api/v1/sites").json();
    assertThat(everything.get("limit").asInt()).isEqualTo(100);
    assertThat(texts(everything.get("items")))
        .containsExactly("CD-IT-020", "CD-NK-001", "CD-NK-002", "CD-SK-010", "RW-W-003");
    assertThat(server.get("/api/v1/sites?offset=10").json().get("items")).isEmpty();
  }

  @Test
  void filtersSitesAndActors() {
    server.seedRegistry();

    assertThat(texts(server.get("/api/v1/sites?country=RW").json().get("items")))
        .containsExactly("RW-W-003");
    assertThat(texts(server.get("/api/v1/sites?mineral=coltan").json().get("items")))
        .containsExactly("CD-NK-001", "CD-NK-002");
    assertThat(texts(server.get("/api/v1/sites?status=red").json().get("items")))
        .containsExactly("CD-NK-002");
    assertThat(
            server.get("/api/v1/sites?country=CD&mineral=cassiterite").json().get("total").asLong())
        .isEqualTo(2);
    assertThat(texts(server.get("/api/v1/actors?country=MY").json().get("items")))
        .containsExactly("SMELTER-1");
    assertThat(texts(server.get("/api/v1/actors?kind=transporter").json().get("items")))
        .containsExactly("TRANS-1");
  }

  @Test
  void refusesBadQueryParametersWith400NamingThem() {
    assertThat(errors(server.get("/api/v1/sites?limit=0").json())).containsExactly("null limit");
    assertThat(server.get("/api/v1/sites?limit=1001").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/sites?offset=-1").status()).isEqualTo(400);
    assertThat(errors(server.get("/api/v1/sites?limit=ten").json())).containsExactly("null limit");
    assertThat(errors(server.get("/api/v1/sites?status=purple").json()))
        .containsExactly("null status");
    assertThat(errors(server.get("/api/v1/actors?kind=wizard").json()))
        .containsExactly("null kind");
    assertThat(errors(server.get("/api/v1/actors?country=Congo").json()))
        .containsExactly("null country");
  }

  @Test
  void answersUnknownIdsWith404() {
    Response site = server.get("/api/v1/sites/NOPE");
    Response actor = server.get("/api/v1/actors/NOPE");

    assertThat(site.status()).isEqualTo(404);
    assertThat(site.contentType()).startsWith("application/problem+json");
    assertThat(site.json().get("detail").asText()).contains("NOPE");
    assertThat(actor.status()).isEqualTo(404);
  }
}
