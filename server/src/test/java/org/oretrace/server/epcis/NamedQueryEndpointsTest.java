package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

/** Named queries over the native chain of {@link Fixtures#CHAIN}, served as EPCIS. */
class NamedQueryEndpointsTest {

  private static final String SHIPPING =
      """
      {"name": "shipping-and-receiving",
       "query": {"eventType": ["ObjectEvent"], "EQ_bizStep": ["shipping", "receiving"]}}
      """;

  private final TestServer server = new TestServer();

  @BeforeEach
  void recordTheNativeChain() {
    server.seedRegistry();
    assertThat(server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken()).status())
        .isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void savesListsAnswersAndDeletesANamedQuery() {
    Response created = server.post("/epcis/queries", SHIPPING, server.viewerToken());

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("Location")).contains("/epcis/queries/shipping-and-receiving");
    assertThat(server.get("/epcis/queries").json())
        .singleElement()
        .satisfies(
            query -> assertThat(query.get("name").asText()).isEqualTo("shipping-and-receiving"));
    JsonNode definition = server.get("/epcis/queries/shipping-and-receiving").json();
    assertThat(definition.get("query").get("EQ_bizStep").toString())
        .isEqualTo("[\"shipping\",\"receiving\"]");

    Response answer = server.get("/epcis/queries/shipping-and-receiving/events");
    Response same =
        server.get("/epcis/events?eventType=ObjectEvent&EQ_bizStep=shipping%7Creceiving");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(ids(answer.json()))
        .isEqualTo(ids(same.json()))
        .containsExactly("e-ship-1", "e-ship-2", "e-receive-1", "e-receive-2");
    assertThat(queryName(answer.json())).isEqualTo("shipping-and-receiving");

    Response xml =
        server.get("/epcis/queries/shipping-and-receiving/events", "Accept", "application/xml");
    assertThat(xml.contentType()).startsWith("application/xml");
    assertThat(xml.text()).contains("<queryName>shipping-and-receiving</queryName>");

    assertThat(delete("/epcis/queries/shipping-and-receiving", server.viewerToken()))
        .isEqualTo(204);
    assertThat(server.get("/epcis/queries/shipping-and-receiving").status()).isEqualTo(404);
    assertThat(server.get("/epcis/queries").json()).isEmpty();
  }

  @Test
  void aNamedQueryIsItsOwnersAndThePlatformsOnly() {
    // the viewer's organisation (ministry-of-mines) saves it; the police and another regulator
    // organisation may not list, read, run or delete it
    assertThat(server.post("/epcis/queries", SHIPPING, server.viewerToken()).status())
        .isEqualTo(201);
    String path = "/epcis/queries/shipping-and-receiving";

    for (String stranger : List.of(server.investigatorToken(), server.adminToken())) {
      String authorization = "Bearer " + stranger;
      assertThat(server.get("/epcis/queries", "Authorization", authorization).json()).isEmpty();
      assertThat(server.get(path, "Authorization", authorization).status()).isEqualTo(404);
      assertThat(server.get(path + "/events", "Authorization", authorization).status())
          .isEqualTo(404);
      assertThat(delete(path, stranger)).isEqualTo(404);
    }
    String owner = "Bearer " + server.viewerToken();
    assertThat(server.get("/epcis/queries", "Authorization", owner).json()).hasSize(1);
    assertThat(server.get(path, "Authorization", owner).status()).isEqualTo(200);
    assertThat(server.get(path + "/events", "Authorization", owner).status()).isEqualTo(200);
    // the name is taken across the instance: another organisation cannot save it too
    assertThat(server.post("/epcis/queries", SHIPPING, server.adminToken()).status())
        .isEqualTo(409);
    // the platform administrator sees and deletes every organisation's queries
    assertThat(server.get("/epcis/queries").json()).hasSize(1);
    assertThat(delete(path, TestServer.START_UP_ADMIN_TOKEN)).isEqualTo(204);
    assertThat(server.get(path, "Authorization", owner).status()).isEqualTo(404);
  }

  @Test
  void pagesTheAnswerLikeTheEventsRoute() {
    server.post(
        "/epcis/queries",
        "{\"name\": \"everything by time\", \"query\": {\"orderBy\": \"eventTime\","
            + " \"orderDirection\": \"ASC\"}}",
        server.viewerToken());

    List<String> all = new ArrayList<>();
    String next = "/epcis/queries/everything%20by%20time/events?perPage=4";
    int pages = 0;
    while (next != null) {
      Response page = server.get(next);
      assertThat(page.status()).as(next + " " + page.text()).isEqualTo(200);
      all.addAll(ids(page.json()));
      pages++;
      next =
          page.header("Link")
              .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
              .orElse(null);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(10).doesNotHaveDuplicates().startsWith("e-tag-1").endsWith("e-process");
  }

  @Test
  void answersTheBindingsStatusCodes() {
    assertThat(server.post("/epcis/queries", SHIPPING, server.viewerToken()).status())
        .isEqualTo(201);

    Response duplicate = server.post("/epcis/queries", SHIPPING, server.viewerToken());
    Response anonymous = server.post("/epcis/queries", SHIPPING.replace("shipping-and", "x"), null);
    Response unknownParameter =
        server.post(
            "/epcis/queries",
            "{\"name\": \"bad\", \"query\": {\"EQ_colour\": [\"red\"]}}",
            server.viewerToken());
    Response badValue =
        server.post(
            "/epcis/queries",
            "{\"name\": \"bad\", \"query\": {\"GE_eventTime\": \"yesterday\"}}",
            server.viewerToken());
    Response badType =
        server.post(
            "/epcis/queries",
            "{\"name\": \"bad\", \"query\": {\"eventType\": [\"PartyEvent\"]}}",
            server.viewerToken());
    Response noName = server.post("/epcis/queries", "{\"query\": {}}", server.viewerToken());
    Response unknown = server.get("/epcis/queries/no-such-query/events");

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("type").asText())
        .isEqualTo("epcisException:ResourceAlreadyExistsException");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(List.of(unknownParameter, badValue, badType))
        .allSatisfy(
            response -> {
              assertThat(response.status()).as(response.text()).isEqualTo(400);
              assertThat(response.json().get("type").asText())
                  .isEqualTo("epcisException:QueryParameterException");
            });
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().get("type").asText()).isEqualTo("epcisException:ValidationException");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("type").asText()).isEqualTo("epcisException:NoSuchNameException");
    assertThat(delete("/epcis/queries/no-such-query", server.viewerToken())).isEqualTo(404);
    assertThat(server.get("/epcis/queries").json()).hasSize(1);
  }

  private int delete(String path, String token) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                      .header("Authorization", "Bearer " + token)
                      .DELETE()
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String queryName(JsonNode document) {
    return document.get("epcisBody").get("queryResults").get("queryName").asText();
  }

  private static List<String> ids(JsonNode document) {
    return CaptureEndpointsTest.eventList(document).stream()
        .map(event -> event.get("eventID").asText().replace("urn:oretrace:event:", ""))
        .toList();
  }
}
