package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.certificate.CertificateReport;
import org.oretrace.store.certificate.CertificateVerifier;

class CertificateEndpointsTest {

  private TestServer server;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    server.seedRegistry();
    assertThat(server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken()).status())
        .isEqualTo(201);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void theJsonCertificateVerifiesAgainstThePublishedKey() {
    Response certificate = server.get("/api/v1/lots/LOT-M/certificate");
    assertThat(certificate.status()).isEqualTo(200);
    CertificateReport report =
        CertificateVerifier.verify(certificate.json(), server.store().ledger().verifierKey());
    assertThat(report.failures()).isEmpty();
    assertThat(report.origins())
        .anySatisfy(line -> assertThat(line).contains("CD-NK-001"))
        .anySatisfy(line -> assertThat(line).contains("CD-NK-002"));
    assertThat(certificate.json().get("sites").get(0).get("name").asText()).isEqualTo("Luwowo");
  }

  @Test
  void thePageShowsTheVerdictAndWhatCannotBeProven() {
    Response page = server.get("/api/v1/lots/LOT-M/certificate.html");
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text())
        .contains("Verified", "Rubaya East", "first weighing was honest", "e-merge");
  }

  @Test
  void anUnknownLotIsNotFound() {
    assertThat(server.get("/api/v1/lots/NOPE/certificate").status()).isEqualTo(404);
  }
}
