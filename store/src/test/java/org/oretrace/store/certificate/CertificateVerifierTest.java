package org.oretrace.store.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.Fixtures;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.TestDatabase;

class CertificateVerifierTest {

  @TempDir Path folder;

  private Recorder recorder;
  private ObjectNode certificate;

  @BeforeEach
  void setUp() {
    recorder = LedgerFixtures.recorder(TestDatabase.Kind.SQLITE.create(folder));
    recorder.record(LedgerFixtures.tags(1, 5));
    recorder.record(Fixtures.chain());
    certificate =
        ProvenanceCertificate.issue(recorder, "lot-3", Instant.parse("2025-04-01T00:00:00Z"))
            .orElseThrow();
  }

  @AfterEach
  void tearDown() {
    recorder.store().close();
  }

  @Test
  void anIssuedCertificateVerifiesAndShowsItsOriginsAndChain() {
    CertificateReport report =
        CertificateVerifier.verify(certificate, recorder.store().ledger().verifierKey());
    assertThat(report.failures()).isEmpty();
    assertThat(report.keyGiven()).isTrue();
    assertThat(report.checkpointSize()).isEqualTo(LedgerFixtures.REGISTRY_ENTRIES + 11);
    assertThat(report.events()).isEqualTo(6);
    assertThat(report.origins())
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("lot-1", "site-rubaya", "40000 g"))
        .anySatisfy(line -> assertThat(line).contains("lot-2", "site-nyabibwe"));
    assertThat(report.custody()).hasSize(6).last().asString().contains("export", "trader-1");
  }

  @Test
  void issuesNothingForAnUnknownLot() {
    assertThat(ProvenanceCertificate.issue(recorder, "no-such-lot", Instant.now())).isEmpty();
  }

  @Test
  void aChangedMassFailsItsProofAndTheSeal() {
    ObjectNode event = (ObjectNode) certificate.withArray("events").get(0);
    event.put("entry", event.get("entry").textValue().replace("40000", "45000"));
    CertificateReport report = CertificateVerifier.verify(certificate, null);
    assertThat(report.ok()).isFalse();
    assertThat(report.keyGiven()).isFalse();
    assertThat(report.failures())
        .anySatisfy(line -> assertThat(line).contains("event ev-1", "inclusion proof fails"))
        .anySatisfy(line -> assertThat(line).contains("changed after it was issued"));
  }

  @Test
  void aRemovedEventBreaksTheSealAndAMissingCreatorIsNamed() {
    ArrayNode events = certificate.withArray("events");
    events.remove(2); // ev-3, the shipment: only the seal can tell
    assertThat(CertificateVerifier.verify(certificate, null).failures())
        .singleElement()
        .asString()
        .contains("changed after it was issued");
    events.remove(0); // ev-1, the tag of lot-1
    assertThat(CertificateVerifier.verify(certificate, null).failures())
        .anySatisfy(line -> assertThat(line).contains("lot lot-1", "created it is missing"));
  }

  @Test
  void aForgedProofFails() {
    ArrayNode proof = ((ObjectNode) certificate.withArray("events").get(1)).withArray("proof");
    proof.set(0, proof.get(1));
    assertThat(CertificateVerifier.verify(certificate, null).failures())
        .anySatisfy(line -> assertThat(line).contains("event ev-2", "inclusion proof fails"));
  }

  @Test
  void anotherLogsKeyIsNotTrusted() {
    CertificateReport report =
        CertificateVerifier.verify(
            certificate, LogKey.generate("oretrace.local/log").verifierKey());
    assertThat(report.failures())
        .anySatisfy(line -> assertThat(line).contains("not issued by that log"));
  }
}
