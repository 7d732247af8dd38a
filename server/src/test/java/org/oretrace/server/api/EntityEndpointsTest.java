package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.server.api.EventEndpointsTest.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

class EntityEndpointsTest {

  private static final String OWNERS =
      """
      [{"relation": "ownership", "sharePercent": 60, "since": "2021-04-01",
        "party": {"id": "P-1", "kind": "person", "name": "Gen. Bosco Ntaganda", "country": "CD",
                  "birthYear": 1973, "phones": ["+243 81 555 0101"]}},
       {"relation": "directorship", "role": "director",
        "party": {"id": "P-2", "kind": "person", "name": "Marie Uwase"}}]
      """;

  private final TestServer server = new TestServer();

  @BeforeEach
  void seed() {
    server.seedRegistry();
    server
        .store()
        .watchLists()
        .replace(
            "UN",
            "un.xml",
            List.of(
                new WatchListEntry(
                    "UN",
                    "CDi.005",
                    EntityType.PERSON,
                    List.of("Bosco Ntaganda"),
                    List.of("1973"),
                    List.of("Democratic Republic of the Congo"),
                    List.of(),
                    List.of("DRC"))),
            Instant.now());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAdminReplacesOwnersAndAListedOwnerRaisesAD9AlertWithThePath() {
    assertThat(server.get("/api/v1/actors/TRADER-1/owners").json().get("owners")).isEmpty();

    Response put = server.put("/api/v1/actors/TRADER-1/owners", OWNERS, server.adminToken());

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("alertsRaised").asInt()).isEqualTo(1);
    JsonNode owners = server.get("/api/v1/actors/TRADER-1/owners").json();
    assertThat(owners.get("changes").asInt()).isEqualTo(1);
    assertThat(owners.get("owners")).hasSize(2);
    JsonNode first = owners.get("owners").get(0);
    assertThat(first.get("relation").asText()).isEqualTo("ownership");
    assertThat(first.get("sharePercent").decimalValue()).isEqualByComparingTo("60");
    assertThat(first.get("party").get("name").asText()).isEqualTo("Gen. Bosco Ntaganda");

    JsonNode alert = server.get("/api/v1/alerts?detector=D9").json().get("items").get(0);
    assertThat(alert.get("actors").get(0).asText()).isEqualTo("TRADER-1");
    assertThat(alert.get("explanation").asText())
        .contains("person P-1 \"Gen. Bosco Ntaganda\" owns 60% of actor TRADER-1", "CDi.005");
  }

  @Test
  void theNetworkNamesEveryEdgeAndThePathToTheListedOwner() {
    server.put("/api/v1/actors/TRADER-1/owners", OWNERS, server.adminToken());

    JsonNode network = server.get("/api/v1/actors/TRADER-1/network?depth=2").json();

    List<String> nodes = new ArrayList<>();
    network.get("nodes").forEach(node -> nodes.add(node.get("id").asText()));
    assertThat(nodes).contains("actor:TRADER-1", "party:P-1", "party:P-2", "listed:UN:CDi.005");
    List<String> kinds = new ArrayList<>();
    network.get("edges").forEach(edge -> kinds.add(edge.get("kind").asText()));
    assertThat(kinds).contains("ownership", "directorship", "listed");
    network.get("edges").forEach(edge -> assertThat(edge.get("why").asText()).isNotBlank());
    JsonNode path = network.get("paths").get(0);
    assertThat(path.get("target").asText()).isEqualTo("listed:UN:CDi.005");
    assertThat(path.get("hops").asInt()).isEqualTo(2);
    assertThat(path.get("evidence").asText()).contains("owns 60%", "matches UN entry CDi.005");
    assertThat(network.get("pathNodes")).as("every path node is within depth 2").isEmpty();

    // at depth 1 the listed entry lies beyond the neighbourhood: the answer still names it
    JsonNode shallow = server.get("/api/v1/actors/TRADER-1/network?depth=1").json();
    List<String> beyond = new ArrayList<>();
    shallow.get("pathNodes").forEach(node -> beyond.add(node.get("id").asText()));
    assertThat(beyond).containsExactly("listed:UN:CDi.005");
    assertThat(shallow.get("pathNodes").get(0).get("label").asText()).isNotBlank();
    assertThat(shallow.get("pathNodes").get(0).get("kind").asText()).isEqualTo("watch-list-entry");
  }

  @Test
  void writesNeedAnAdminAndBadOwnersAreRefusedWhole() {
    assertThat(server.put("/api/v1/actors/TRADER-1/owners", OWNERS, null).status()).isEqualTo(401);
    assertThat(server.put("/api/v1/actors/TRADER-1/owners", OWNERS, server.viewerToken()).status())
        .isEqualTo(403);

    String bad =
        """
        [{"relation": "ownership", "sharePercent": 160,
          "party": {"id": "P-1", "kind": "person", "name": "A"}},
         {"relation": "friendship", "party": {"id": "P-2", "kind": "robot", "name": "B"}}]
        """;
    Response refused = server.put("/api/v1/actors/TRADER-1/owners", bad, server.adminToken());

    assertThat(refused.status()).isIn(400, 422);
    assertThat(errors(refused.json())).hasSizeGreaterThanOrEqualTo(2);
    assertThat(server.get("/api/v1/actors/TRADER-1/owners").json().get("owners")).isEmpty();
    assertThat(server.get("/api/v1/actors/NOBODY/owners").status()).isEqualTo(404);
    assertThat(server.get("/api/v1/actors/TRADER-1/network?depth=9").status()).isEqualTo(400);
  }

  private static final String FAMILY =
      """
      {"relation": "family", "partyId": "P-1", "subjectId": "P-3", "role": "brother",
       "parties": [{"id": "P-1", "kind": "person", "name": "Bosco Ntaganda", "birthYear": 1973},
                   {"id": "P-3", "kind": "person", "name": "Marie Uwase"}]}
      """;

  private static final String PAYMENT =
      """
      {"relation": "payment", "partyId": "TRADER-1", "subjectId": "P-3", "amount": 25000,
       "currency": "USD", "role": "consultancy", "since": "2024-03-01"}
      """;

  @Test
  void aPaymentToTheRelativeOfAListedPersonPutsTheActorOnAPathAndRaisesAD9Alert() {
    Response family = server.post("/api/v1/relations", FAMILY, server.adminToken());
    assertThat(family.status()).isEqualTo(201);
    assertThat(family.json().get("id").asText()).isEqualTo("family:P-1:P-3");
    assertThat(family.json().get("alertsRaised").asInt()).isZero();

    Response payment = server.post("/api/v1/relations", PAYMENT, server.adminToken());

    assertThat(payment.status()).isEqualTo(201);
    assertThat(payment.json().get("id").asText()).isEqualTo("payment:TRADER-1:P-3");
    assertThat(payment.json().get("amount").decimalValue()).isEqualByComparingTo("25000");
    assertThat(payment.json().get("changes").asInt()).isEqualTo(1);
    assertThat(payment.json().get("alertsRaised").asInt()).isEqualTo(1);
    JsonNode network = server.get("/api/v1/actors/TRADER-1/network?depth=3").json();
    List<String> kinds = new ArrayList<>();
    network.get("edges").forEach(edge -> kinds.add(edge.get("kind").asText()));
    assertThat(kinds).contains("payment", "family", "listed");
    JsonNode path = network.get("paths").get(0);
    assertThat(path.get("target").asText()).isEqualTo("listed:UN:CDi.005");
    assertThat(path.get("hops").asInt()).isEqualTo(3);
    assertThat(path.get("evidence").asText())
        .contains(
            "actor TRADER-1",
            "paid 25000 USD to person P-3 \"Marie Uwase\" for consultancy since 2024-03-01",
            "person P-1 \"Bosco Ntaganda\" is brother of person P-3");
    JsonNode alert = server.get("/api/v1/alerts?detector=D9").json().get("items").get(0);
    assertThat(alert.get("explanation").asText()).contains("paid 25000 USD", "is brother of");

    JsonNode listed = server.get("/api/v1/relations?party=P-3").json();
    List<String> ids = new ArrayList<>();
    listed.get("relations").forEach(relation -> ids.add(relation.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder("family:P-1:P-3", "payment:TRADER-1:P-3");
  }

  @Test
  void aRelationIsEndedWithItsLastDayNotDeletedAndTheNetworkSaysUntilWhen() {
    server.post("/api/v1/relations", FAMILY, server.adminToken());
    server.post("/api/v1/relations", PAYMENT, server.adminToken());
    String end = "/api/v1/relations/payment:TRADER-1:P-3/end";

    Response ended = server.post(end, "{\"until\": \"2025-06-30\"}", server.adminToken());

    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().get("until").asText()).isEqualTo("2025-06-30");
    assertThat(ended.json().get("changes").asInt()).isEqualTo(2);
    JsonNode listed = server.get("/api/v1/relations?party=TRADER-1").json().get("relations");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("until").asText()).isEqualTo("2025-06-30");
    JsonNode network = server.get("/api/v1/actors/TRADER-1/network?depth=1").json();
    List<String> why = new ArrayList<>();
    network.get("edges").forEach(edge -> why.add(edge.get("why").asText()));
    assertThat(why).anySatisfy(text -> assertThat(text).contains("until 2025-06-30"));

    Response again = server.post(end, "{\"until\": \"2025-07-31\"}", server.adminToken());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(
            server
                .post(
                    "/api/v1/relations/family:P-1:P-3/end",
                    "{\"until\": \"tomorrow\"}",
                    server.adminToken())
                .status())
        .isEqualTo(422);
    assertThat(
            server
                .post(
                    "/api/v1/relations/payment:P-9:P-3/end",
                    "{\"until\": \"2025-06-30\"}",
                    server.adminToken())
                .status())
        .isEqualTo(404);
  }

  @Test
  void relationWritesNeedAnAdminReadsAnAgencyAndBadRelationsAreRefusedWhole() {
    assertThat(server.post("/api/v1/relations", FAMILY, null).status()).isEqualTo(401);
    assertThat(server.post("/api/v1/relations", FAMILY, server.viewerToken()).status())
        .isEqualTo(403);
    assertThat(server.getAnonymously("/api/v1/relations?party=TRADER-1").status()).isEqualTo(401);
    assertThat(
            server
                .post(
                    "/api/v1/relations/family:P-1:P-3/end",
                    "{\"until\": \"2025-06-30\"}",
                    server.viewerToken())
                .status())
        .isEqualTo(403);

    String toACompany =
        """
        {"relation": "associate", "partyId": "P-1", "subjectId": "C-1",
         "parties": [{"id": "P-1", "kind": "person", "name": "A"},
                     {"id": "C-1", "kind": "company", "name": "Lake Holdings"}]}
        """;
    Response company = server.post("/api/v1/relations", toACompany, server.adminToken());
    assertThat(company.status()).isEqualTo(422);
    assertThat(company.text()).contains("must be a person");
    String unknownEnd =
        """
        {"relation": "payment", "partyId": "NOBODY", "subjectId": "TRADER-1", "amount": 5,
         "currency": "usd"}
        """;
    Response badCurrency = server.post("/api/v1/relations", unknownEnd, server.adminToken());
    assertThat(badCurrency.status()).isEqualTo(422);
    assertThat(badCurrency.text()).contains("ISO 4217");
    Response unknown =
        server.post("/api/v1/relations", unknownEnd.replace("usd", "USD"), server.adminToken());
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.text()).contains("NOBODY");
    String owner =
        """
        {"relation": "ownership", "partyId": "P-1", "subjectId": "TRADER-1",
         "parties": [{"id": "P-1", "kind": "person", "name": "A"}]}
        """;
    assertThat(server.post("/api/v1/relations", owner, server.adminToken()).status())
        .isEqualTo(422);
    String paymentAsOwner =
        """
        [{"relation": "payment", "party": {"id": "P-1", "kind": "person", "name": "A"}}]
        """;
    assertThat(
            server
                .put("/api/v1/actors/TRADER-1/owners", paymentAsOwner, server.adminToken())
                .status())
        .isEqualTo(422);
    assertThat(server.get("/api/v1/relations?party=TRADER-1").json().get("relations")).isEmpty();
    assertThat(server.get("/api/v1/relations?party=P-1").status()).isEqualTo(404);
    assertThat(server.get("/api/v1/relations").status()).isEqualTo(400);

    assertThat(server.post("/api/v1/relations", FAMILY, server.adminToken()).status())
        .isEqualTo(201);
    Response twice = server.post("/api/v1/relations", FAMILY, server.adminToken());
    assertThat(twice.status()).isEqualTo(409);
  }
}
