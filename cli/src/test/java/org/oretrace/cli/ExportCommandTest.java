package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.Stores;
import org.oretrace.store.json.Json;
import org.oretrace.store.sqlite.SqliteStore;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExportCommandTest {

  @TempDir Path folder;

  @Test
  void exportsASimulatedWorldAsOneEpcisDocumentWithEveryEvent() throws IOException {
    Path world = folder.resolve("world");
    Path data = folder.resolve("data");
    Path out = folder.resolve("export.jsonld");
    assertThat(run("simulate", "--lots", "30", "--out", world.toString())).isZero();
    assertThat(run("import", world.toString(), "--data", data.toString())).isZero();

    int exit =
        run(
            "export",
            "--format",
            "epcis-jsonld",
            "--data",
            data.toString(),
            "--out",
            out.toString());

    assertThat(exit).isZero();
    JsonNode document = Json.parse(Files.readAllBytes(out));
    assertThat(document.get("type").asText()).isEqualTo("EPCISDocument");
    assertThat(document.get("@context").toString()).contains("https://oretrace.org/epcis/");
    JsonNode events = document.get("epcisBody").get("eventList");
    long recorded;
    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE))) {
      recorded = store.custody().eventCount();
    }
    assertThat(recorded).isPositive();
    assertThat(events).hasSize((int) recorded);
    assertThat(events.get(0).get("bizStep").asText()).isEqualTo("commissioning");
  }

  @Test
  void exportsTheSameEventsAsAnEpcisXmlDocument() throws Exception {
    Path world = folder.resolve("world");
    Path data = folder.resolve("data");
    Path json = folder.resolve("export.jsonld");
    Path xml = folder.resolve("export.xml");
    assertThat(run("simulate", "--lots", "20", "--out", world.toString())).isZero();
    assertThat(run("import", world.toString(), "--data", data.toString())).isZero();

    assertThat(
            run(
                "export",
                "--format",
                "epcis-jsonld",
                "--data",
                data.toString(),
                "--out",
                json.toString()))
        .isZero();
    assertThat(
            run(
                "export",
                "--format",
                "epcis-xml",
                "--data",
                data.toString(),
                "--out",
                xml.toString()))
        .isZero();

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Element root = factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("urn:epcglobal:epcis:xsd:2");
    assertThat(root.getLocalName()).isEqualTo("EPCISDocument");
    NodeList eventIds = root.getElementsByTagName("eventID");
    List<String> fromXml = new ArrayList<>();
    for (int index = 0; index < eventIds.getLength(); index++) {
      fromXml.add(eventIds.item(index).getTextContent());
    }
    List<String> fromJson = new ArrayList<>();
    Json.parse(Files.readAllBytes(json))
        .get("epcisBody")
        .get("eventList")
        .forEach(event -> fromJson.add(event.get("eventID").asText()));
    assertThat(fromXml).isNotEmpty().isEqualTo(fromJson);
    assertThat(root.getElementsByTagName("bizStep").item(0).getTextContent())
        .isEqualTo("urn:epcglobal:cbv:bizstep:commissioning");
    assertThat(Files.readString(xml)).contains("xmlns:ot=\"https://oretrace.org/epcis/\"");
  }

  @Test
  void refusesAnUnknownFormat() {
    int exit =
        run(
            "export",
            "--format",
            "csv",
            "--data",
            folder.resolve("data").toString(),
            "--out",
            folder.resolve("x").toString());

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
  }

  private static int run(String... arguments) {
    return Main.commandLine().execute(arguments);
  }
}
