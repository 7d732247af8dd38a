package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.registry.Mineral;

/**
 * The JSON form of custody events, documented in docs/events.md and the OpenAPI document. An event
 * is one flat object: the common fields ({@code id}, {@code type}, {@code time}, {@code place},
 * {@code actor}, {@code recordedBy}) beside the fields of its type. Decoding is strict (unknown
 * fields are refused, so that a typo is not silently dropped) and reports every problem of a batch
 * at once with its item and field.
 */
public final class EventJson {

  private static final Set<String> COMMON =
      Set.of("id", "type", "time", "place", "actor", "recordedBy", "evidence");

  private EventJson() {}

  /**
   * Decodes a batch from its JSON text: {@code decodeBatch(Json.parse(body))}, the same events or
   * the same refusal, faster (see {@link #decodeBatch(byte[], Function, Supplier)}).
   */
  public static List<CustodyEvent> decodeBatch(byte[] body) {
    return decodeBatch(body, Json::parse, () -> UUID.randomUUID().toString());
  }

  /**
   * Decodes a batch from its JSON text as {@code decodeBatch(parser.apply(body), idSupplier)} does,
   * with the same events, or the same exception. The capture path's decoder: a well-formed batch is
   * read straight from the token stream ({@link StreamingEventDecoder}) without building a tree;
   * anything else (bad syntax, a missing or mistyped field, an unknown one) is parsed into a tree
   * with {@code parser} and decoded from it, which names every failing item and field. The ids the
   * supplier gave before a batch turned out to need the tree are given again, in the same order.
   */
  public static List<CustodyEvent> decodeBatch(
      byte[] body, Function<byte[], JsonNode> parser, Supplier<String> idSupplier) {
    List<String> suppliedIds = new ArrayList<>();
    List<CustodyEvent> events =
        StreamingEventDecoder.decode(body, recording(idSupplier, suppliedIds));
    if (events != null) {
      return events;
    }
    return decodeTree(parser.apply(body), again(suppliedIds, idSupplier));
  }

  /** Decodes a batch (a JSON array of events). Events without an id get a random UUID. */
  public static List<CustodyEvent> decodeBatch(JsonNode batch) {
    return decodeBatch(batch, () -> UUID.randomUUID().toString());
  }

  /**
   * Decodes a batch already parsed into a tree (a field batch): through the streaming decoder, over
   * the tree, as the API's batches are; a batch that is not entirely well formed is decoded the
   * tree way instead, which names every failing item and field. Ids given before the streaming
   * decoder gave up are given again, in the same order.
   */
  public static List<CustodyEvent> decodeBatch(JsonNode batch, Supplier<String> idSupplier) {
    if (batch == null || !batch.isArray()) {
      return decodeTree(batch, idSupplier);
    }
    List<String> suppliedIds = new ArrayList<>();
    List<CustodyEvent> events =
        StreamingEventDecoder.decode(batch, recording(idSupplier, suppliedIds));
    return events != null ? events : decodeTree(batch, again(suppliedIds, idSupplier));
  }

  /** A supplier that gives {@code idSupplier}'s ids and notes them in {@code supplied}. */
  private static Supplier<String> recording(Supplier<String> idSupplier, List<String> supplied) {
    return () -> {
      String id = idSupplier.get();
      supplied.add(id);
      return id;
    };
  }

  /** A supplier that gives {@code supplied} again, then {@code idSupplier}'s next ids. */
  private static Supplier<String> again(List<String> supplied, Supplier<String> idSupplier) {
    Iterator<String> again = supplied.iterator();
    return () -> again.hasNext() ? again.next() : idSupplier.get();
  }

  /** The tree way: every failing item and field named. Package-private for the tests. */
  static List<CustodyEvent> decodeTree(JsonNode batch, Supplier<String> idSupplier) {
    if (batch == null || !batch.isArray()) {
      throw InvalidInputException.of("", "the body must be a JSON array of events");
    }
    List<Violation> violations = new ArrayList<>();
    List<CustodyEvent> events = new ArrayList<>(batch.size());
    for (int item = 0; item < batch.size(); item++) {
      CustodyEvent event = decode(batch.get(item), item, violations, idSupplier);
      if (event != null) {
        events.add(event);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return events;
  }

  /**
   * Decodes one event from its JSON text (a line of NDJSON) through the streaming decoder, or, when
   * it is not entirely well formed, the tree way ({@link #decode(JsonNode, int)}), whose violations
   * name {@code item} and each failing field. An event without an id gets a random UUID.
   */
  public static CustodyEvent decode(byte[] json, int item) {
    CustodyEvent event =
        StreamingEventDecoder.decodeEvent(json, () -> UUID.randomUUID().toString());
    return event != null ? event : decode(Json.parse(json), item);
  }

  /** Decodes one event; {@code item} is its position, used in violations. */
  public static CustodyEvent decode(JsonNode node, int item) {
    List<Violation> violations = new ArrayList<>();
    CustodyEvent event = decode(node, item, violations, () -> UUID.randomUUID().toString());
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return event;
  }

  private static CustodyEvent decode(
      JsonNode node, int item, List<Violation> violations, Supplier<String> idSupplier) {
    FieldReader fields = new FieldReader(node, item, "", violations);
    if (!fields.ok()) {
      return null;
    }
    EventType type = fields.enumeration("type", EventType::fromWireName);
    String id = fields.has("id") ? fields.id("id") : idSupplier.get();
    OffsetDateTime time = fields.time("time");
    GeoPoint place = fields.place("place");
    String actor = fields.id("actor");
    String recordedBy = fields.text("recordedBy");
    List<String> evidence = evidence(fields);
    if (type == null) {
      return null;
    }
    Set<String> known = new HashSet<>(COMMON);
    known.addAll(fieldsOf(type));
    fields.rejectUnknown(known);
    EventContext context =
        id == null || time == null || place == null || actor == null || recordedBy == null
            ? null
            : fields.convert(
                "", id, value -> new EventContext(value, time, place, actor, recordedBy, evidence));
    CustodyEvent event = decodeBody(type, context, fields);
    return fields.ok() ? event : null;
  }

  /** The optional {@code evidence} list: SHA-256 digests of evidence files, as lower-case hex. */
  private static List<String> evidence(FieldReader fields) {
    if (!fields.has("evidence")) {
      return List.of();
    }
    List<JsonNode> nodes = fields.array("evidence");
    List<String> digests = new ArrayList<>();
    if (nodes != null) {
      for (int index = 0; index < nodes.size(); index++) {
        JsonNode digest = nodes.get(index);
        if (digest.isTextual() && digest.textValue().matches("[0-9a-f]{64}")) {
          digests.add(digest.textValue());
        } else {
          fields.fail("evidence/" + index, "must be a SHA-256 digest in 64 lower-case hex digits");
        }
      }
    }
    return digests;
  }

  private static List<String> fieldsOf(EventType type) {
    return switch (type) {
      case TAG -> List.of("lot", "tagNumber", "site", "mineral", "massGrams", "grade");
      case TRANSFER -> List.of("lot", "toActor");
      case SHIP -> List.of("lot", "consignee", "transporter");
      case RECEIVE -> List.of("lot", "massGrams");
      case SPLIT -> List.of("lot", "parts");
      case MERGE -> List.of("inputs", "output");
      case PROCESS -> List.of("inputs", "outputs");
      case ASSAY -> List.of("lot", "grade", "laboratory", "fingerprint");
      case EXPORT -> List.of("lot", "declarationNumber", "destination", "massGrams");
      case IMPORT -> List.of("lot", "declarationNumber", "origin", "massGrams");
    };
  }

  private static CustodyEvent decodeBody(EventType type, EventContext context, FieldReader fields) {
    return switch (type) {
      case TAG -> {
        String lot = fields.id("lot");
        String tag = fields.id("tagNumber");
        String site = fields.id("site");
        Mineral mineral = fields.enumeration("mineral", Mineral::fromWireName);
        Long mass = fields.wholeNumber("massGrams", 1);
        Grade grade = fields.optionalGrade("grade");
        yield build(fields, () -> new Tag(context, lot, tag, site, mineral, mass, grade));
      }
      case TRANSFER -> {
        String lot = fields.id("lot");
        String to = fields.id("toActor");
        yield build(fields, () -> new Transfer(context, lot, to));
      }
      case SHIP -> {
        String lot = fields.id("lot");
        String consignee = fields.id("consignee");
        String transporter = fields.optionalId("transporter");
        yield build(fields, () -> new Ship(context, lot, consignee, transporter));
      }
      case RECEIVE -> {
        String lot = fields.id("lot");
        long mass = fields.optionalWholeNumber("massGrams", 0);
        yield build(fields, () -> new Receive(context, lot, mass));
      }
      case SPLIT -> {
        String lot = fields.id("lot");
        List<NewLot> parts = newLots(fields, "parts");
        yield build(fields, () -> new Split(context, lot, parts));
      }
      case MERGE -> {
        List<JsonNode> inputNodes = fields.array("inputs");
        List<String> inputs = new ArrayList<>();
        if (inputNodes != null) {
          for (int index = 0; index < inputNodes.size(); index++) {
            JsonNode input = inputNodes.get(index);
            if (input.isTextual()) {
              inputs.add(input.asText());
            } else {
              fields.fail("inputs/" + index, "must be a lot id");
            }
          }
        }
        NewLot output = newLot(fields.nested("output"));
        yield build(fields, () -> new Merge(context, inputs, output));
      }
      case PROCESS -> {
        List<ProcessInput> inputs = new ArrayList<>();
        List<JsonNode> inputNodes = fields.array("inputs");
        if (inputNodes != null) {
          for (int index = 0; index < inputNodes.size(); index++) {
            FieldReader input = fields.element(inputNodes.get(index), "inputs/" + index);
            input.rejectUnknown(Set.of("lot", "massGrams"));
            String lot = input.id("lot");
            long mass = input.optionalWholeNumber("massGrams", 0);
            if (input.ok()) {
              inputs.add(input.convert("", lot, value -> new ProcessInput(value, mass)));
            }
          }
        }
        List<ProcessOutput> outputs = new ArrayList<>();
        List<JsonNode> outputNodes = fields.array("outputs");
        if (outputNodes != null) {
          for (int index = 0; index < outputNodes.size(); index++) {
            FieldReader output = fields.element(outputNodes.get(index), "outputs/" + index);
            output.rejectUnknown(Set.of("lot", "tagNumber", "mineral", "massGrams", "grade"));
            String lot = output.id("lot");
            String tag = output.id("tagNumber");
            Mineral mineral = output.enumeration("mineral", Mineral::fromWireName);
            Long mass = output.wholeNumber("massGrams", 1);
            Grade grade = output.optionalGrade("grade");
            if (output.ok()) {
              outputs.add(new ProcessOutput(lot, tag, mineral, mass, grade));
            }
          }
        }
        yield build(fields, () -> new Process(context, inputs, outputs));
      }
      case ASSAY -> {
        String lot = fields.id("lot");
        Grade grade = fields.grade("grade");
        String laboratory = fields.text("laboratory");
        String fingerprint = fields.optionalText("fingerprint");
        yield build(fields, () -> new Assay(context, lot, grade, laboratory, fingerprint));
      }
      case EXPORT -> {
        String lot = fields.id("lot");
        String declaration = fields.text("declarationNumber");
        var destination = fields.country("destination");
        long mass = fields.optionalWholeNumber("massGrams", 0);
        yield build(fields, () -> new Export(context, lot, declaration, destination, mass));
      }
      case IMPORT -> {
        String lot = fields.id("lot");
        String declaration = fields.text("declarationNumber");
        var origin = fields.country("origin");
        long mass = fields.optionalWholeNumber("massGrams", 0);
        yield build(fields, () -> new Import(context, lot, declaration, origin, mass));
      }
    };
  }

  private static List<NewLot> newLots(FieldReader fields, String field) {
    List<JsonNode> nodes = fields.array(field);
    List<NewLot> lots = new ArrayList<>();
    if (nodes != null) {
      for (int index = 0; index < nodes.size(); index++) {
        NewLot lot = newLot(fields.element(nodes.get(index), field + "/" + index));
        if (lot != null) {
          lots.add(lot);
        }
      }
    }
    return lots;
  }

  private static NewLot newLot(FieldReader fields) {
    if (!fields.ok()) {
      return null;
    }
    fields.rejectUnknown(Set.of("lot", "tagNumber", "massGrams"));
    String lot = fields.id("lot");
    String tag = fields.id("tagNumber");
    Long mass = fields.wholeNumber("massGrams", 1);
    return fields.ok() ? new NewLot(lot, tag, mass) : null;
  }

  /**
   * Builds the event when every field was read, turning a constructor's refusal into a violation.
   */
  private static CustodyEvent build(FieldReader fields, Supplier<CustodyEvent> constructor) {
    if (!fields.ok()) {
      return null;
    }
    return fields.convert("", constructor, Supplier::get);
  }

  // ---- encoding

  public static ArrayNode encodeAll(List<CustodyEvent> events) {
    ArrayNode array = Json.array();
    events.forEach(event -> array.add(encode(event)));
    return array;
  }

  public static ObjectNode encode(CustodyEvent event) {
    ObjectNode node = Json.object();
    EventContext context = event.context();
    node.put("id", context.id());
    node.put("type", event.type().wireName());
    node.put("time", IsoTimes.format(context.time()));
    node.set("place", place(context.place()));
    node.put("actor", context.actorId());
    node.put("recordedBy", context.recordedBy());
    if (!context.evidence().isEmpty()) {
      ArrayNode evidence = node.putArray("evidence");
      context.evidence().forEach(evidence::add);
    }
    switch (event) {
      case Tag tag -> {
        node.put("lot", tag.lotId());
        node.put("tagNumber", tag.tagNumber());
        node.put("site", tag.siteId());
        node.put("mineral", tag.mineral().wireName());
        node.put("massGrams", tag.massGrams());
        putGrade(node, "grade", tag.grade());
      }
      case Transfer transfer -> {
        node.put("lot", transfer.lotId());
        node.put("toActor", transfer.toActorId());
      }
      case Ship ship -> {
        node.put("lot", ship.lotId());
        node.put("consignee", ship.consigneeId());
        if (ship.transporterId() != null) {
          node.put("transporter", ship.transporterId());
        }
      }
      case Receive receive -> {
        node.put("lot", receive.lotId());
        if (receive.massGrams() > 0) {
          node.put("massGrams", receive.massGrams());
        }
      }
      case Split split -> {
        node.put("lot", split.lotId());
        ArrayNode parts = node.putArray("parts");
        split.parts().forEach(part -> parts.add(newLot(part)));
      }
      case Merge merge -> {
        ArrayNode inputs = node.putArray("inputs");
        merge.inputLotIds().forEach(inputs::add);
        node.set("output", newLot(merge.output()));
      }
      case Process process -> {
        ArrayNode inputs = node.putArray("inputs");
        for (ProcessInput input : process.inputs()) {
          ObjectNode inputNode = inputs.addObject().put("lot", input.lotId());
          if (input.massGrams() > 0) {
            inputNode.put("massGrams", input.massGrams());
          }
        }
        ArrayNode outputs = node.putArray("outputs");
        for (ProcessOutput output : process.outputs()) {
          ObjectNode outputNode =
              outputs
                  .addObject()
                  .put("lot", output.lotId())
                  .put("tagNumber", output.tagNumber())
                  .put("mineral", output.mineral().wireName())
                  .put("massGrams", output.massGrams());
          putGrade(outputNode, "grade", output.grade());
        }
      }
      case Assay assay -> {
        node.put("lot", assay.lotId());
        putGrade(node, "grade", assay.grade());
        node.put("laboratory", assay.laboratory());
        if (assay.fingerprint() != null) {
          node.put("fingerprint", assay.fingerprint());
        }
      }
      case Export export -> {
        node.put("lot", export.lotId());
        node.put("declarationNumber", export.declarationNumber());
        node.put("destination", export.destination().code());
        if (export.massGrams() > 0) {
          node.put("massGrams", export.massGrams());
        }
      }
      case Import anImport -> {
        node.put("lot", anImport.lotId());
        node.put("declarationNumber", anImport.declarationNumber());
        node.put("origin", anImport.origin().code());
        if (anImport.massGrams() > 0) {
          node.put("massGrams", anImport.massGrams());
        }
      }
    }
    return node;
  }

  static ObjectNode place(GeoPoint point) {
    return Json.object().put("lat", point.latitude()).put("lon", point.longitude());
  }

  static void putGrade(ObjectNode node, String field, Grade grade) {
    if (grade != null) {
      node.put(field, grade.percent());
    }
  }

  private static ObjectNode newLot(NewLot lot) {
    return Json.object()
        .put("lot", lot.lotId())
        .put("tagNumber", lot.tagNumber())
        .put("massGrams", lot.massGrams());
  }
}
