package org.oretrace.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oretrace.store.Recorder;
import org.oretrace.store.epcis.EpcisCapture;
import org.oretrace.store.epcis.EpcisMapper;
import org.oretrace.store.epcis.EpcisQuery;
import org.oretrace.store.epcis.EpcisRecord;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.EpcisXmlWriter;
import org.oretrace.store.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes the whole record as one EPCIS 2.0 EPCISDocument, in JSON-LD ({@code epcis-jsonld}) or XML
 * ({@code epcis-xml}): captured EPCIS events as they were captured, native custody events mapped by
 * {@link EpcisMapper} (docs/epcis.md). The document is streamed a page at a time, so its size is
 * not bounded by memory. In JSON-LD its {@code @context} (the union of the events' contexts) is
 * written last, which JSON-LD allows; in XML each event declares the namespaces it uses.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export the record as an EPCIS 2.0 document (JSON-LD or XML).")
final class ExportCommand implements Callable<Integer> {

  private static final int PAGE = 5000;

  @Mixin DataOptions data;

  @Option(
      names = "--format",
      required = true,
      description = "Export format: epcis-jsonld or epcis-xml.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
  Path out;

  @Override
  public Integer call() {
    if (!format.equals("epcis-jsonld") && !format.equals("epcis-xml")) {
      throw new Failures.UserError(Main.EXIT_USAGE, "--format must be epcis-jsonld or epcis-xml");
    }
    Recorder recorder = data.openRecorder();
    long written;
    try (OutputStream output = Files.newOutputStream(out)) {
      EpcisCapture capture = EpcisCapture.open(recorder);
      capture.catchUp();
      written =
          format.equals("epcis-xml")
              ? writeXml(capture.store(), output)
              : writeJsonLd(capture.store(), output);
    } catch (IOException e) {
      throw new Failures.UserError(Main.EXIT_IO, "cannot write " + out + ": " + e.getMessage());
    } finally {
      recorder.store().close();
    }
    System.out.printf("wrote %d EPCIS events to %s%n", written, out);
    return 0;
  }

  private static long writeXml(EpcisStore store, OutputStream output) {
    long written = 0;
    try (EpcisXmlWriter writer = EpcisXmlWriter.document(output, Instant.now().toString())) {
      while (true) {
        List<EpcisRecord> page = store.query(EpcisQuery.ALL, written, PAGE);
        for (EpcisRecord record : page) {
          writer.write(record.event(), record.context());
        }
        written += page.size();
        if (page.size() < PAGE) {
          return written;
        }
      }
    }
  }

  private static long writeJsonLd(EpcisStore store, OutputStream output) throws IOException {
    long written = 0;
    try (JsonGenerator generator =
        Json.mapper().getFactory().createGenerator(output, JsonEncoding.UTF8)) {
      Set<JsonNode> contexts = new LinkedHashSet<>();
      EpcisMapper.context().forEach(contexts::add);
      generator.writeStartObject();
      generator.writeStringField("type", "EPCISDocument");
      generator.writeStringField("schemaVersion", "2.0");
      generator.writeStringField("creationDate", Instant.now().toString());
      generator.writeObjectFieldStart("epcisBody");
      generator.writeArrayFieldStart("eventList");
      while (true) {
        List<EpcisRecord> page = store.query(EpcisQuery.ALL, written, PAGE);
        for (EpcisRecord record : page) {
          generator.writeTree(record.event());
          if (record.context().isArray()) {
            record.context().forEach(contexts::add);
          } else {
            contexts.add(record.context());
          }
        }
        written += page.size();
        if (page.size() < PAGE) {
          break;
        }
      }
      generator.writeEndArray();
      generator.writeEndObject();
      generator.writeArrayFieldStart("@context");
      for (JsonNode context : contexts) {
        generator.writeTree(context);
      }
      generator.writeEndArray();
      generator.writeEndObject();
    }
    return written;
  }
}
