package org.oretrace.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.store.Fixtures;
import org.oretrace.store.GeneratedEvents;

/**
 * The files {@code oretrace import} reads: their events are decoded by the API's streaming decoder,
 * and a bad event is reported as the tree way reports it (item and field), the line too in NDJSON.
 */
class WorldFilesTest {

  @TempDir Path folder;

  @Test
  void anArrayFileOfEveryTypeOfEventReadsBackAsItsEvents() throws IOException {
    byte[] bytes = Json.bytes(EventJson.encodeAll(new GeneratedEvents(5).events(500)));
    Path file = folder.resolve("events.json");
    Files.write(file, bytes);

    // What the tree way reads from the same text (a -0.0 coordinate reads as 0.0 either way).
    assertThat(WorldFiles.read(file).events())
        .isEqualTo(EventJson.decodeTree(Json.parse(bytes), () -> "no id needed"))
        .hasSize(500);
  }

  @Test
  void aBadEventInAnArrayFileIsReportedAsTheTreeWayReportsIt() throws IOException {
    ArrayNode batch = EventJson.encodeAll(Fixtures.chain());
    ((ObjectNode) batch.get(1)).put("massGrams", -5);
    ((ObjectNode) batch.get(3)).put("colour", "red");
    byte[] bytes = Json.bytes(batch);
    Path file = folder.resolve("events.json");
    Files.write(file, bytes);

    List<Violation> expected = violations(() -> EventJson.decodeTree(Json.parse(bytes), () -> ""));
    assertThat(expected).extracting(Violation::item).containsExactly(1, 3);
    assertThat(violations(() -> WorldFiles.read(file))).isEqualTo(expected);
  }

  @Test
  void ndjsonLinesAreDecodedOneByOneAndABadLineIsNamedWithItsItem() throws IOException {
    List<CustodyEvent> events = Fixtures.chain();
    List<String> lines = new ArrayList<>();
    for (CustodyEvent event : events) {
      lines.add(Json.text(EventJson.encode(event)));
      lines.add("");
    }
    Path good = folder.resolve("good.ndjson");
    Files.write(good, lines, StandardCharsets.UTF_8);
    assertThat(WorldFiles.read(good).events()).isEqualTo(events);

    ObjectNode altered = EventJson.encode(events.get(2));
    altered.put("time", "yesterday");
    lines.set(4, Json.text(altered));
    Path bad = folder.resolve("bad.ndjson");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    List<Violation> treeWay =
        violations(() -> EventJson.decode(Json.parse(Json.bytes(altered)), 2));
    assertThat(violations(() -> WorldFiles.read(bad)))
        .extracting(Violation::item, Violation::field, Violation::message)
        .containsExactly(
            tuple(2, treeWay.getFirst().field(), treeWay.getFirst().message() + " (line 5)"));
  }

  @Test
  void aWorldObjectFileReadsItsRegistryAndItsEvents() throws IOException {
    ObjectNode world = Json.object();
    world.set("events", EventJson.encodeAll(Fixtures.chain()));
    Path file = folder.resolve("world.json");
    Files.write(file, Json.bytes(world));

    WorldFiles.Contents contents = WorldFiles.read(file);
    assertThat(contents.events()).isEqualTo(Fixtures.chain());
    assertThat(contents.sites()).isEmpty();
  }

  private interface Reading {
    Object read() throws IOException;
  }

  private static List<Violation> violations(Reading reading) {
    List<Violation> found = new ArrayList<>();
    assertThatThrownBy(reading::read)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> found.addAll(e.violations()));
    return found;
  }
}
