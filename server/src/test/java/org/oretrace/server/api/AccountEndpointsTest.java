package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.json.Json;

/**
 * Organisations, users and logins over HTTP on a real server: the platform administrator registers
 * an organisation, its admin adds a user, the user logs in with the cookie the server sets, sees
 * its own organisation's view, and logs out; wrong passwords are throttled.
 */
class AccountEndpointsTest {

  private static final String COMPANY =
      """
      {"id": "smelter-co", "name": "Penang Tantalum", "type": "company", "country": "MY",
       "actors": ["SMELTER-1"]}
      """;

  private final TestServer server = new TestServer();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int index = 0; index < headers.length; index += 2) {
      request.header(headers[index], headers[index + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private void registerCompanyWithAUser() {
    server.seedRegistry();
    assertThat(server.post("/api/v1/organisations", COMPANY, server.adminToken()).status())
        .as("only the platform administrator adds organisations")
        .isEqualTo(403);
    Response added = server.post("/api/v1/organisations", COMPANY, TestServer.START_UP_ADMIN_TOKEN);
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    Response user =
        server.post(
            "/api/v1/users",
            """
            {"username": "ana@smelter-co", "organisation": "smelter-co", "role": "analyst",
             "password": "tantalum from Rubaya?"}
            """,
            TestServer.START_UP_ADMIN_TOKEN);
    assertThat(user.status()).as(user.text()).isEqualTo(201);
    assertThat(user.text()).doesNotContain("scrypt", "tantalum from");
  }

  @Test
  void aUserLogsInWithAStrictHttpOnlyCookieSeesItsOrganisationAndLogsOut() {
    registerCompanyWithAUser();
    HttpResponse<String> login =
        send(
            "POST",
            "/api/v1/session",
            "{\"username\": \"ana@smelter-co\", \"password\": \"tantalum from Rubaya?\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("oretrace_session=ot_")
        .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800")
        .doesNotContain("Secure");
    assertThat(
            send(
                    "POST",
                    "/api/v1/session",
                    "{\"username\": \"ana@smelter-co\", \"password\":"
                        + " \"tantalum from Rubaya?\"}",
                    "X-Forwarded-Proto",
                    "https")
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow())
        .contains("; Secure");
    String session = cookie.substring(0, cookie.indexOf(';'));

    JsonNode me = json(send("GET", "/api/v1/session", null, "Cookie", session));
    assertThat(me.get("authenticated").asBoolean()).isTrue();
    assertThat(me.get("username").asText()).isEqualTo("ana@smelter-co");
    assertThat(me.get("organisationType").asText()).isEqualTo("company");
    assertThat(send("GET", "/api/v1/lots", null, "Cookie", session).statusCode()).isEqualTo(200);
    // the cookie does not make a company an admin: users are managed by admins only
    assertThat(send("GET", "/api/v1/users", null, "Cookie", session).statusCode()).isEqualTo(403);

    assertThat(send("DELETE", "/api/v1/session", null, "Cookie", session).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/api/v1/lots", null, "Cookie", session).statusCode()).isEqualTo(401);
    assertThat(
            json(send("GET", "/api/v1/session", null, "Cookie", session))
                .get("authenticated")
                .asBoolean())
        .isFalse();
  }

  @Test
  void wrongPasswordsAreRefusedAndThenThrottledEvenForTheRightOne() {
    registerCompanyWithAUser();
    String wrong = "{\"username\": \"ana@smelter-co\", \"password\": \"not the password\"}";
    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<String> refused = send("POST", "/api/v1/session", wrong);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(json(refused).get("type").asText()).isEqualTo("urn:oretrace:problem:login-failed");
      assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }
    HttpResponse<String> locked =
        send(
            "POST",
            "/api/v1/session",
            "{\"username\": \"ana@smelter-co\", \"password\": \"tantalum from Rubaya?\"}");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 900L);
    HttpResponse<String> unknown =
        send("POST", "/api/v1/session", "{\"username\": \"nobody\", \"password\": \"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(401);
  }

  @Test
  void adminsAddUsersToTheirOwnOrganisationOnlyWithPasswordsLongEnough() {
    registerCompanyWithAUser();
    String toCompany =
        """
        {"username": "eve@regulator", "organisation": "smelter-co", "role": "admin",
         "password": "long enough password"}
        """;
    assertThat(server.post("/api/v1/users", toCompany, server.adminToken()).status())
        .isEqualTo(403);
    String shortPassword =
        """
        {"username": "eve@regulator", "organisation": "regulator", "role": "viewer",
         "password": "short"}
        """;
    assertThat(server.post("/api/v1/users", shortPassword, server.adminToken()).status())
        .isEqualTo(400);
    String own = shortPassword.replace("\"short\"", "\"long enough password\"");
    assertThat(server.post("/api/v1/users", own, server.adminToken()).status()).isEqualTo(201);
    assertThat(server.post("/api/v1/users", own, server.adminToken()).status()).isEqualTo(409);
    JsonNode users =
        server.get("/api/v1/users", "Authorization", "Bearer " + server.adminToken()).json();
    assertThat(users.get("items").findValuesAsText("username")).isEqualTo(List.of("eve@regulator"));
  }
}
