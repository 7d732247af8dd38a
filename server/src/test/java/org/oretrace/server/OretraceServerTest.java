package org.oretrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.Recorder;

class OretraceServerTest {

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void startsOnAFreePortAndReportsHealth() {
    assertThat(server.port()).isPositive();
    server.seedRegistry();

    Response health = server.get("/api/v1/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.contentType()).startsWith("application/json");
    JsonNode body = health.json();
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("sites").asLong()).isEqualTo(5);
    assertThat(body.get("actors").asLong()).isEqualTo(5);
    assertThat(body.get("lots").asLong()).isZero();
    assertThat(body.get("events").asLong()).isZero();
  }

  @Test
  void everyRouteIsInTheOpenApiDocumentAndViceVersa() {
    Response document = server.get("/api/v1/openapi.yaml");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.contentType()).startsWith("application/yaml");
    assertThat(document.text()).startsWith("openapi: 3.1.0");

    List<String> documented = documentedOperations(document.text());
    List<String> routes = server.server().routes();

    assertThat(routes).hasSizeGreaterThanOrEqualTo(12);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
  }

  @Test
  void servesTheLandingPageWithoutExternalResources() {
    Response page = server.get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<title>Oretrace</title>", "/api/v1/health", "/js/app.js");
    assertThat(page.text()).doesNotContain("http://", "https://", "//cdn");
  }

  @Test
  void answersAnUnknownRouteWithAProblem() {
    Response response = server.get("/api/v1/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(404);
    assertThat(response.json().get("errors").isArray()).isTrue();
  }

  @Test
  void stopsAndReleasesThePort() throws IOException {
    try (var store = TestStores.sqlite()) {
      OretraceServer other =
          new OretraceServer(
              ServerConfig.defaults().withHost("127.0.0.1").withPort(0), Recorder.open(store));
      int port = other.start();
      assertThatThrownBy(other::start).isInstanceOf(IllegalStateException.class);
      other.stop();
      other.stop();
      try (ServerSocket socket = new ServerSocket(port)) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  /** "METHOD /path" for every operation under {@code paths:} of the document. */
  private static List<String> documentedOperations(String yaml) {
    List<String> operations = new ArrayList<>();
    Pattern pathLine = Pattern.compile("^  (/\\S*):\\s*$");
    Pattern methodLine = Pattern.compile("^    (get|post|put|patch|delete|head|options):\\s*$");
    boolean inPaths = false;
    String path = null;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("paths:")) {
        inPaths = true;
        continue;
      }
      if (inPaths && !line.isEmpty() && !line.startsWith(" ")) {
        break;
      }
      if (!inPaths) {
        continue;
      }
      Matcher pathMatch = pathLine.matcher(line);
      Matcher methodMatch = methodLine.matcher(line);
      if (pathMatch.matches()) {
        path = pathMatch.group(1);
      } else if (methodMatch.matches() && path != null) {
        operations.add(methodMatch.group(1).toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }
}
