package org.oretrace.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.registry.Mineral;
import org.oretrace.store.Fixtures;
import org.oretrace.store.GeneratedEvents;
import org.oretrace.store.json.EventJson;

class CanonicalEventWriterTest {

  /** The entry as the ledger wrote it before: the event's wire tree, written canonically. */
  private static byte[] treePath(CustodyEvent event) {
    return CanonicalTreeWriter.encode(EventJson.encode(event));
  }

  @Test
  void theFixtureChainEncodesAsTheTreePathDoes() {
    for (CustodyEvent event : Fixtures.chain()) {
      assertThat(CanonicalEventWriter.encode(event)).isEqualTo(treePath(event));
    }
    assertThat(LedgerEntries.encodeAsText(Fixtures.chain().getFirst()))
        .isEqualTo(
            "{\"actor\":\"coop-1\",\"grade\":31.5,\"id\":\"ev-1\",\"lot\":\"lot-1\","
                + "\"massGrams\":40000,\"mineral\":\"coltan\",\"place\":{\"lat\":-1.5536,"
                + "\"lon\":28.8803},\"recordedBy\":\"test-device\",\"site\":\"site-rubaya\","
                + "\"tagNumber\":\"TAG-1\",\"time\":\"2025-03-01T08:00:00+02:00\",\"type\":\"tag\"}");
  }

  @Test
  void generatedEventsOfEveryTypeEncodeAsTheTreePathDoesWithTheSameLeafHash() {
    GeneratedEvents generated = new GeneratedEvents(20261129);
    for (int number = 0; number < 50_000; number++) {
      CustodyEvent event = generated.event();
      byte[] expected = treePath(event);
      byte[] actual = CanonicalEventWriter.encode(event);
      assertThat(actual).as("%s", new String(expected, StandardCharsets.UTF_8)).isEqualTo(expected);
      assertThat(MerkleHash.ofLeaf(actual)).isEqualTo(MerkleHash.ofLeaf(expected));
      // Capture's form: the bytes and the leaf hash read from the writer's buffer (its places
      // through the writer's cache of coordinates, which these events hit and miss).
      byte[] entry =
          LedgerEntries.encode(
              event,
              (bytes, leafHash) -> {
                assertThat(leafHash).isEqualTo(MerkleHash.ofLeaf(expected));
                return bytes;
              });
      assertThat(entry).isEqualTo(expected);
    }
  }

  @Test
  void everyGradeIsWrittenAsTheTreePathWritesIt() {
    for (long partsPerMillion = 0; partsPerMillion <= Grade.MILLION; partsPerMillion++) {
      Grade grade = new Grade(partsPerMillion);
      CustodyEvent assay =
          new Assay(Fixtures.context("ev-1", 0, "lab-1"), "lot-1", grade, "l", null);
      byte[] expected = treePath(assay);
      byte[] actual = CanonicalEventWriter.encode(assay);
      if (!java.util.Arrays.equals(expected, actual)) {
        assertThat(new String(actual, StandardCharsets.UTF_8))
            .as("grade of %d ppm", partsPerMillion)
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void coordinatesAtTheEdgesOfTheirFormatsAreWrittenAsEcmaScriptWritesThem() {
    double[] values = {
      -0.0,
      0.0,
      0.1,
      -0.1,
      1e-7,
      1.0e-6,
      9.999999e-7,
      5e-324,
      Double.MIN_NORMAL,
      89.99999999999999,
      -90,
      90,
      180,
      -180,
      1.0 / 3,
      2.5e-5,
      123.456e-3
    };
    for (double latitude : values) {
      double longitude = latitude > 90 || latitude < -90 ? 0 : -latitude;
      CustodyEvent tag =
          new Tag(
              new EventContext(
                  "ev-1",
                  Fixtures.START,
                  new GeoPoint(Math.max(-90, Math.min(90, latitude)), longitude),
                  "coop-1",
                  "device"),
              "lot-1",
              "TAG-1",
              "site-1",
              Mineral.GOLD,
              1,
              null);
      assertThat(CanonicalEventWriter.encode(tag)).as("%s", latitude).isEqualTo(treePath(tag));
    }
    CustodyEvent atNegativeZero =
        new Split(
            new EventContext("ev-1", Fixtures.START, new GeoPoint(-0.0, 1e-7), "a", "d"),
            "lot-1",
            List.of(new NewLot("lot-2", "T2", 5)));
    assertThat(LedgerEntries.encodeAsText(atNegativeZero)).contains("{\"lat\":0,\"lon\":1e-7}");
  }

  @Test
  void aMassADoubleCannotHoldIsRefusedAsTheTreePathRefusesIt() {
    CustodyEvent export =
        new Export(
            Fixtures.context("ev-1", 0, "trader-1"),
            "lot-1",
            "DRC-1",
            Country.of("RW"),
            (1L << 53) + 1);
    IllegalArgumentException expected = null;
    try {
      treePath(export);
    } catch (IllegalArgumentException e) {
      expected = e;
    }
    assertThat(expected).isNotNull();
    assertThatThrownBy(() -> CanonicalEventWriter.encode(export))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected.getMessage());
    CustodyEvent largeButExact =
        new Process(
            Fixtures.context("ev-2", 0, "smelter-1"),
            List.of(
                new ProcessInput("lot-1", 0), new ProcessInput("lot-2", 100_000_000_000_000_000L)),
            List.of(
                new ProcessOutput(
                    "lot-3", "T3", Mineral.GOLD, 3_000_000_000_000_000_000L, new Grade(1))));
    assertThat(CanonicalEventWriter.encode(largeButExact)).isEqualTo(treePath(largeButExact));
  }
}
