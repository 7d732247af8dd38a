package org.oretrace.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.Grade;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.registry.Mineral;
import org.oretrace.store.Fixtures;

class EventJsonTest {

  private static List<CustodyEvent> everyType() {
    List<CustodyEvent> events = new java.util.ArrayList<>(Fixtures.chain());
    events.add(new Transfer(Fixtures.context("ev-t", 1, "coop-1"), "lot-1", "trader-1"));
    events.add(
        new Split(
            Fixtures.context("ev-s", 2, "coop-1"),
            "lot-1",
            List.of(
                new NewLot("lot-1a", "TAG-1A", 20_000), new NewLot("lot-1b", "TAG-1B", 19_000))));
    events.add(
        new Process(
            Fixtures.context("ev-p", 3, "comptoir-1"),
            List.of(new ProcessInput("lot-1a", 0), new ProcessInput("lot-1b", 10_000)),
            List.of(
                new ProcessOutput(
                    "lot-x", "TAG-X", Mineral.TANTALUM, 6_000, Grade.ofPercent("99.95")),
                new ProcessOutput("lot-y", "TAG-Y", Mineral.COLTAN, 2_000, null))));
    events.add(
        new Assay(
            Fixtures.context("ev-a", 4, "comptoir-1"),
            "lot-x",
            Grade.ofPercent("31.275"),
            "Alfred H Knight",
            "fp-77"));
    events.add(
        new Import(
            Fixtures.context("ev-i", 5, "comptoir-1"),
            "lot-3",
            "CN-IMP-1",
            Country.of("RW"),
            74_000));
    return events;
  }

  @Test
  void everyEventTypeSurvivesARoundTripThroughText() {
    List<CustodyEvent> events = everyType();
    String text = Json.text(EventJson.encodeAll(events));
    List<CustodyEvent> decoded =
        EventJson.decodeBatch(Json.parse(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(decoded).isEqualTo(events);
  }

  @Test
  void theWireFormatIsFlatAndReadable() {
    String text = Json.text(EventJson.encode(Fixtures.chain().getFirst()));
    assertThat(text)
        .contains(
            "\"type\":\"tag\"",
            "\"time\":\"2025-03-01T08:00:00+02:00\"",
            "\"mineral\":\"coltan\"",
            "\"massGrams\":40000",
            "\"grade\":31.5",
            "\"place\":{\"lat\":-1.5536,\"lon\":28.8803}");
  }

  @Test
  void everyProblemOfABatchIsReportedWithItemAndField() {
    String body =
        """
        [
          {"type":"tag","time":"2025-03-01T08:00:00+02:00","place":{"lat":-1.5,"lon":28.9},
           "actor":"coop-1","recordedBy":"d","lot":"lot-1","tagNumber":"T1","site":"s",
           "mineral":"coltan","massGrams":0},
          {"type":"teleport","time":"x"},
          {"type":"export","time":"yesterday","place":{"lat":95,"lon":0},"actor":"a",
           "recordedBy":"d","lot":"lot-1","destination":"XX","colour":"red"},
          {"type":"split","time":"2025-03-01T08:00:00Z","place":{"lat":0,"lon":0},"actor":"a",
           "recordedBy":"d","lot":"lot-1","parts":[{"lot":"p1","tagNumber":"P1","massGrams":-5}]}
        ]
        """;
    assertThatThrownBy(
            () -> EventJson.decodeBatch(Json.parse(body.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.item() + ":" + v.field())
                    .contains(
                        "0:massGrams",
                        "1:type",
                        "2:time",
                        "2:place",
                        "2:declarationNumber",
                        "2:destination",
                        "2:colour",
                        "3:parts/0/massGrams"));
  }

  @Test
  void malformedJsonIsBadInputWithItsPosition() {
    assertThatThrownBy(() -> Json.parse("[{\"type\": }]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void eventsWithoutIdGetOne() {
    String body =
        """
        [{"type":"transfer","time":"2025-03-01T08:00:00Z","place":{"lat":0,"lon":0},
          "actor":"a","recordedBy":"d","lot":"lot-1","toActor":"b"}]
        """;
    List<CustodyEvent> events =
        EventJson.decodeBatch(
            Json.parse(body.getBytes(StandardCharsets.UTF_8)), () -> "generated-1");
    assertThat(events.getFirst().id()).isEqualTo("generated-1");
  }
}
