package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
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
import org.oretrace.core.custody.Lot;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.store.json.Json;

/**
 * The one place where EPCIS 2.0 events and Oretrace custody events meet, both ways; docs/epcis.md
 * is the same table in prose. An EPCIS event has custody meaning when it creates a lot
 * (commissioning with an Oretrace ILMD) or names a lot Oretrace knows; then it maps as follows,
 * else it is only stored.
 *
 * <pre>
 * ObjectEvent ADD, bizStep commissioning, ilmd ot:mineral    -> tag (one per EPC / quantity)
 * ObjectEvent bizStep shipping                               -> ship to the destination party
 * ObjectEvent bizStep receiving                              -> receive (mass from quantityList)
 * ObjectEvent bizStep departing + customs bizTransaction     -> export to destination ot:country
 * ObjectEvent bizStep arriving + customs bizTransaction      -> import from source ot:country
 * ObjectEvent bizStep ot:transferring, or an owning_party
 *   destination on another step                              -> transfer to that party
 * ObjectEvent with a sensorReport of type ot:grade           -> assay
 * AggregationEvent ADD (parentID, childEPCs)                 -> merge into parentID
 * TransformationEvent, bizStep ot:splitting                  -> split
 * TransformationEvent (inputs to outputQuantityList in KGM)  -> process
 * </pre>
 *
 * <p>Identifiers: an EPC, EPC class or Digital Link URI is the lot id itself ({@code
 * urn:oretrace:lot:X} stands for a native lot X); sites and actors are named by {@code
 * urn:oretrace:site:X} and {@code urn:oretrace:actor:X}, or by a registered id equal to the URI (a
 * site registered under its SGLN). The place is a {@code geo:} readPoint, else the location of the
 * site or actor named by bizLocation/readPoint, else the actor's location. Masses come from
 * quantity elements in KGM, GRM or TNE and are rounded to whole grams.
 *
 * <p>An instance maps one document: it remembers the lots the document's earlier events created, so
 * that a chain can be captured in one document. Mapping back ({@link #toEpcis}) writes the same
 * vocabulary, so that native events read as EPCIS and map forward to themselves.
 */
public final class EpcisMapper {

  /** The Oretrace EPCIS vocabulary, with its usual JSON-LD prefix {@code ot}. */
  public static final String NAMESPACE = "https://oretrace.org/epcis/";

  public static final String PREFIX = "ot";

  public static final String GS1_CONTEXT =
      "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

  static final String LOT_URN = "urn:oretrace:lot:";
  static final String SITE_URN = "urn:oretrace:site:";
  static final String ACTOR_URN = "urn:oretrace:actor:";
  static final String COUNTRY_URN = "urn:oretrace:country:";
  static final String CUSTOMS_URN = "urn:oretrace:customs:";
  static final String EVENT_URN = "urn:oretrace:event:";

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final Registry registry;
  private final Function<String, Optional<Lot>> knownLots;
  private final Set<String> prefixes;
  private final String recordedByDefault;
  private final Map<String, LotFacts> createdHere = new HashMap<>();

  /**
   * @param knownLots the custody record's lots by id
   * @param context the document's {@code @context}, for the prefixes bound to {@link #NAMESPACE}
   * @param recordedByDefault who recorded events that do not say (ot:recordedBy)
   */
  public EpcisMapper(
      Registry registry,
      Function<String, Optional<Lot>> knownLots,
      JsonNode context,
      String recordedByDefault) {
    this.registry = requireNonNull(registry, "registry is null");
    this.knownLots = requireNonNull(knownLots, "knownLots is null");
    this.recordedByDefault = requireNonNull(recordedByDefault, "recordedByDefault is null");
    this.prefixes = prefixesOf(context);
  }

  /** The {@code @context} of documents Oretrace writes. */
  public static ArrayNode context() {
    ArrayNode context = Json.array().add(GS1_CONTEXT);
    context.addObject().put(PREFIX, NAMESPACE);
    return context;
  }

  private static Set<String> prefixesOf(JsonNode context) {
    Set<String> found = new HashSet<>();
    found.add(PREFIX);
    if (context != null) {
      List<JsonNode> parts = new ArrayList<>();
      if (context.isArray()) {
        context.forEach(parts::add);
      } else {
        parts.add(context);
      }
      for (JsonNode part : parts) {
        if (part.isObject()) {
          part.properties()
              .forEach(
                  entry -> {
                    if (NAMESPACE.equals(entry.getValue().asText())) {
                      found.add(entry.getKey());
                    }
                  });
        }
      }
    }
    return found;
  }

  // ---- EPCIS to custody

  /**
   * Maps one EPCIS event (which carries its eventID) to custody events: none when it has no custody
   * meaning, one or more otherwise (one per lot for object events). Problems are added to {@code
   * violations} under {@code item}, and nothing is returned for the event then.
   */
  public List<CustodyEvent> toCustody(ObjectNode event, int item, List<Violation> violations) {
    Reader reader = new Reader(event, item, violations);
    List<CustodyEvent> mapped;
    try {
      mapped = map(reader);
    } catch (IllegalArgumentException e) {
      reader.fail("", e.getMessage());
      mapped = List.of();
    }
    return reader.failed ? List.of() : mapped;
  }

  private List<CustodyEvent> map(Reader reader) {
    ObjectNode event = reader.event;
    String type = EpcisFields.text(event, "type");
    String bizStep = EpcisFields.bizStep(EpcisFields.text(event, "bizStep"));
    if ("ObjectEvent".equals(type)) {
      List<Quantity> lots = objectLots(event);
      JsonNode ilmd = event.get("ilmd");
      if ("ADD".equals(EpcisFields.text(event, "action"))
          && "commissioning".equals(bizStep)
          && field(ilmd, "mineral") != null) {
        return tags(reader, lots, ilmd);
      }
      if (lots.stream().noneMatch(lot -> known(lot.lotId()))) {
        return List.of();
      }
      return objectEvent(reader, bizStep, lots);
    }
    if ("AggregationEvent".equals(type) && "ADD".equals(EpcisFields.text(event, "action"))) {
      List<String> children = new ArrayList<>();
      strings(event.get("childEPCs")).forEach(epc -> children.add(lotId(epc)));
      quantities(event.get("childQuantityList")).forEach(q -> children.add(q.lotId()));
      String parent = EpcisFields.text(event, "parentID");
      if (parent == null || children.stream().noneMatch(this::known)) {
        return List.of();
      }
      return List.of(merge(reader, lotId(parent), children));
    }
    if ("TransformationEvent".equals(type)) {
      List<Quantity> inputs = new ArrayList<>();
      strings(event.get("inputEPCList")).forEach(epc -> inputs.add(new Quantity(lotId(epc), 0)));
      inputs.addAll(quantities(event.get("inputQuantityList")));
      if (inputs.stream().noneMatch(input -> known(input.lotId()))) {
        return List.of();
      }
      return List.of(transformation(reader, bizStep, inputs));
    }
    return List.of();
  }

  private List<CustodyEvent> tags(Reader reader, List<Quantity> lots, JsonNode ilmd) {
    if (lots.isEmpty()) {
      reader.fail("epcList", "commissioning names no EPC or quantity to tag");
      return List.of();
    }
    Mineral mineral =
        reader.convert("ilmd/ot:mineral", field(ilmd, "mineral").asText(), Mineral::fromWireName);
    String siteUri =
        firstNonNull(
            text(field(ilmd, "site")),
            EpcisFields.id(reader.event, "bizLocation"),
            EpcisFields.id(reader.event, "readPoint"));
    if (siteUri == null) {
      reader.fail("ilmd/ot:site", "name the mine site (ilmd ot:site or bizLocation)");
      return List.of();
    }
    String siteId = siteId(siteUri);
    Grade grade = grade(reader, "ilmd/ot:grade", field(ilmd, "grade"));
    String tagNumber = text(field(ilmd, "tagNumber"));
    BigDecimal kilograms = decimal(field(ilmd, "massKilograms"));
    EventContext[] contexts = contexts(reader, lots.size(), Party.SOURCE, siteId);
    if (reader.failed || mineral == null) {
      return List.of();
    }
    List<CustodyEvent> tags = new ArrayList<>();
    for (int index = 0; index < lots.size(); index++) {
      Quantity lot = lots.get(index);
      long grams = lot.grams() > 0 ? lot.grams() : kilograms == null ? 0 : grams(kilograms);
      String tag = tagNumber != null && lots.size() == 1 ? tagNumber : lot.lotId();
      EventContext context = contexts[index];
      tags.add(
          reader.build(() -> new Tag(context, lot.lotId(), tag, siteId, mineral, grams, grade)));
      createdHere.put(lot.lotId(), new LotFacts(mineral, grams));
    }
    return tags;
  }

  private List<CustodyEvent> objectEvent(Reader reader, String bizStep, List<Quantity> lots) {
    ObjectNode event = reader.event;
    String customs = customsDeclaration(event);
    String step = bizStep == null ? "" : bizStep;
    Party actorSide;
    if (step.equals("receiving") || step.equals("arriving")) {
      actorSide = Party.DESTINATION;
    } else {
      actorSide = Party.SOURCE;
    }
    JsonNode gradeReport = gradeReport(event);
    boolean transfer =
        isOretrace(step, "transferring")
            || (!step.equals("shipping")
                && !step.equals("receiving")
                && customs == null
                && party(event.get("destinationList"), "destination", "owning_party") != null);
    if (!step.equals("shipping")
        && !step.equals("receiving")
        && !(customs != null && (step.equals("departing") || step.equals("arriving")))
        && !transfer
        && gradeReport == null) {
      return List.of();
    }
    EventContext[] contexts = contexts(reader, lots.size(), actorSide, null);
    if (reader.failed) {
      return List.of();
    }
    BigDecimal eventKilograms = lots.size() == 1 ? decimal(field(event, "massKilograms")) : null;
    List<CustodyEvent> events = new ArrayList<>();
    for (int index = 0; index < lots.size(); index++) {
      Quantity lot =
          eventKilograms != null && lots.get(index).grams() == 0
              ? new Quantity(lots.get(index).lotId(), grams(eventKilograms))
              : lots.get(index);
      EventContext context = contexts[index];
      CustodyEvent mapped;
      if (step.equals("shipping")) {
        String consignee =
            firstNonNull(
                party(event.get("destinationList"), "destination", "owning_party"),
                party(event.get("destinationList"), "destination", "possessing_party"));
        if (consignee == null) {
          reader.fail("destinationList", "a shipment names its consignee (owning_party)");
          return List.of();
        }
        String transporter = text(field(event, "transporter"));
        mapped =
            reader.build(
                () ->
                    new Ship(
                        context,
                        lot.lotId(),
                        actorId(consignee),
                        transporter == null ? null : actorId(transporter)));
      } else if (step.equals("receiving")) {
        mapped = reader.build(() -> new Receive(context, lot.lotId(), lot.grams()));
      } else if (customs != null && step.equals("departing")) {
        Country destination = country(reader, event.get("destinationList"), "destination");
        mapped =
            destination == null
                ? null
                : reader.build(
                    () -> new Export(context, lot.lotId(), customs, destination, lot.grams()));
      } else if (customs != null && step.equals("arriving")) {
        Country origin = country(reader, event.get("sourceList"), "source");
        mapped =
            origin == null
                ? null
                : reader.build(
                    () -> new Import(context, lot.lotId(), customs, origin, lot.grams()));
      } else if (transfer) {
        String owner = party(event.get("destinationList"), "destination", "owning_party");
        if (owner == null) {
          reader.fail("destinationList", "a transfer names the new owner (owning_party)");
          return List.of();
        }
        mapped = reader.build(() -> new Transfer(context, lot.lotId(), actorId(owner)));
      } else {
        Grade grade = grade(reader, "sensorElementList", gradeReport.get("value"));
        String laboratory =
            firstNonNull(
                text(field(event, "laboratory")),
                EpcisFields.text(gradeReport.get("sensorMetadata"), "deviceID"),
                context.actorId());
        String fingerprint = text(field(event, "fingerprint"));
        mapped =
            grade == null
                ? null
                : reader.build(
                    () -> new Assay(context, lot.lotId(), grade, laboratory, fingerprint));
      }
      if (mapped != null) {
        events.add(mapped);
      }
    }
    return events;
  }

  private CustodyEvent merge(Reader reader, String outputLot, List<String> inputs) {
    BigDecimal kilograms = decimal(field(reader.event, "massKilograms"));
    long grams = kilograms == null ? 0 : grams(kilograms);
    Mineral mineral = null;
    for (String input : inputs) {
      LotFacts facts = facts(input);
      if (facts != null) {
        mineral = facts.mineral();
        if (kilograms == null) {
          grams += facts.massGrams();
        }
      }
    }
    String tag = firstNonNull(text(field(reader.event, "tagNumber")), outputLot);
    EventContext context = contexts(reader, 1, Party.SOURCE, null)[0];
    if (reader.failed) {
      return null;
    }
    long mass = grams;
    if (mineral != null) {
      createdHere.put(outputLot, new LotFacts(mineral, mass));
    }
    return reader.build(() -> new Merge(context, inputs, new NewLot(outputLot, tag, mass)));
  }

  private CustodyEvent transformation(Reader reader, String bizStep, List<Quantity> inputs) {
    ObjectNode event = reader.event;
    List<Quantity> outputs = new ArrayList<>(quantities(event.get("outputQuantityList")));
    JsonNode ilmd = event.get("ilmd");
    BigDecimal kilograms = decimal(field(ilmd, "massKilograms"));
    for (String epc : strings(event.get("outputEPCList"))) {
      outputs.add(new Quantity(lotId(epc), kilograms == null ? 0 : grams(kilograms)));
    }
    for (int index = 0; index < outputs.size(); index++) {
      if (outputs.get(index).grams() <= 0) {
        reader.fail(
            "outputQuantityList/" + index,
            "each output needs its mass (a quantity in KGM, or ilmd ot:massKilograms)");
      }
    }
    EventContext context = contexts(reader, 1, Party.SOURCE, null)[0];
    if (reader.failed) {
      return null;
    }
    JsonNode tagNumbers = field(event, "tagNumbers");
    if (isOretrace(bizStep, "splitting")) {
      List<NewLot> parts =
          outputs.stream()
              .map(
                  part ->
                      new NewLot(part.lotId(), tagNumber(tagNumbers, part.lotId()), part.grams()))
              .toList();
      LotFacts parent = facts(inputs.getFirst().lotId());
      Mineral mineral = parent == null ? null : parent.mineral();
      if (mineral != null) {
        parts.forEach(
            part -> createdHere.put(part.lotId(), new LotFacts(mineral, part.massGrams())));
      }
      return reader.build(() -> new Split(context, inputs.getFirst().lotId(), parts));
    }
    JsonNode mineralNode = field(ilmd, "mineral");
    if (mineralNode == null) {
      reader.fail("ilmd/ot:mineral", "processing names the outputs' mineral (ilmd ot:mineral)");
      return null;
    }
    Mineral mineral =
        reader.convert("ilmd/ot:mineral", mineralNode.asText(), Mineral::fromWireName);
    Grade grade = grade(reader, "ilmd/ot:grade", field(ilmd, "grade"));
    if (reader.failed) {
      return null;
    }
    List<ProcessInput> processInputs =
        inputs.stream().map(input -> new ProcessInput(input.lotId(), input.grams())).toList();
    List<ProcessOutput> processOutputs = new ArrayList<>();
    for (Quantity output : outputs) {
      processOutputs.add(
          new ProcessOutput(
              output.lotId(),
              tagNumber(tagNumbers, output.lotId()),
              mineral,
              output.grams(),
              grade));
      createdHere.put(output.lotId(), new LotFacts(mineral, output.grams()));
    }
    return reader.build(() -> new Process(context, processInputs, processOutputs));
  }

  /** Contexts for the custody events one EPCIS event gives: the first keeps its eventID. */
  private EventContext[] contexts(Reader reader, int count, Party actorSide, String siteId) {
    ObjectNode event = reader.event;
    String eventId = eventIdOf(EpcisFields.text(event, "eventID"));
    OffsetDateTime time = time(reader);
    String actorUri =
        firstNonNull(
            text(field(event, "actor")),
            actorSide == Party.SOURCE ? sourceParty(event) : destinationParty(event));
    if (actorUri == null) {
      reader.fail(
          "ot:actor",
          "name who performed the event (ot:actor, or an owning_party or possessing_party in"
              + " sourceList/destinationList)");
    }
    String actorId = actorUri == null ? null : actorId(actorUri);
    GeoPoint place = place(event, siteId, actorId);
    if (place == null) {
      reader.fail(
          "readPoint",
          "give the place: a geo: readPoint, or a registered site or actor as bizLocation/readPoint");
    }
    String recordedBy = firstNonNull(text(field(event, "recordedBy")), recordedByDefault);
    EventContext[] contexts = new EventContext[count];
    if (reader.failed || time == null) {
      return contexts;
    }
    for (int index = 0; index < count; index++) {
      String id = index == 0 ? eventId : eventId + "#" + (index + 1);
      contexts[index] =
          reader.convert(
              "eventID", id, value -> new EventContext(value, time, place, actorId, recordedBy));
    }
    return contexts;
  }

  private static OffsetDateTime time(Reader reader) {
    String text = EpcisFields.text(reader.event, "eventTime");
    String offset = EpcisFields.text(reader.event, "eventTimeZoneOffset");
    try {
      OffsetDateTime time = EpcisFields.offsetDateTime(text);
      return offset == null ? time : time.withOffsetSameInstant(ZoneOffset.of(offset));
    } catch (DateTimeParseException | NullPointerException e) {
      reader.fail("eventTime", "not an ISO 8601 time with offset: " + text);
      return null;
    }
  }

  private GeoPoint place(ObjectNode event, String siteId, String actorId) {
    String readPoint = EpcisFields.id(event, "readPoint");
    if (readPoint != null && readPoint.startsWith("geo:")) {
      // geo:LAT,LON[;parameters], read without a regular expression: this runs for every event.
      int comma = readPoint.indexOf(',', 4);
      int end = readPoint.length();
      for (int index = comma + 1; comma > 0 && index < readPoint.length(); index++) {
        char next = readPoint.charAt(index);
        if (next == ',' || next == ';') {
          end = index;
          break;
        }
      }
      try {
        return new GeoPoint(
            Double.parseDouble(readPoint.substring(4, comma)),
            Double.parseDouble(readPoint.substring(comma + 1, end)));
      } catch (RuntimeException e) {
        return null;
      }
    }
    List<String> candidates = new ArrayList<>();
    if (siteId != null) {
      candidates.add(siteId);
    }
    for (String uri : new String[] {EpcisFields.id(event, "bizLocation"), readPoint}) {
      if (uri != null) {
        candidates.add(siteId(uri));
      }
    }
    for (String candidate : candidates) {
      Optional<Site> site = registry.site(candidate);
      if (site.isPresent()) {
        return site.get().location();
      }
      Optional<Actor> actor = registry.actor(actorId(candidate));
      if (actor.isPresent() && actor.get().location() != null) {
        return actor.get().location();
      }
    }
    if (actorId != null) {
      return registry.actor(actorId).map(Actor::location).orElse(null);
    }
    return null;
  }

  // ---- custody to EPCIS

  /** The EPCIS 2.0 JSON-LD form of a custody event, in the vocabulary {@link #toCustody} reads. */
  public static ObjectNode toEpcis(CustodyEvent custodyEvent) {
    ObjectNode event = Json.object();
    EventContext context = custodyEvent.context();
    String type =
        switch (custodyEvent) {
          case Merge merge -> "AggregationEvent";
          case Process process -> "TransformationEvent";
          case Split split -> "TransformationEvent";
          default -> "ObjectEvent";
        };
    event.put("type", type);
    event.put("eventTime", context.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    ZoneOffset offset = context.time().getOffset();
    event.put("eventTimeZoneOffset", offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId());
    event.put("eventID", eventUri(context.id()));
    switch (custodyEvent) {
      case Tag tag -> {
        event.put("action", "ADD");
        event.put("bizStep", "commissioning");
        event.put("disposition", "active");
        event.putArray("epcList").add(lotUri(tag.lotId()));
        placeAndParties(event, context);
        event.putObject("bizLocation").put("id", siteUri(tag.siteId()));
        ObjectNode ilmd = event.putObject("ilmd");
        ilmd.put(PREFIX + ":mineral", tag.mineral().wireName());
        ilmd.put(PREFIX + ":site", siteUri(tag.siteId()));
        ilmd.put(PREFIX + ":tagNumber", tag.tagNumber());
        ilmd.put(PREFIX + ":massKilograms", kilograms(tag.massGrams()));
        if (tag.grade() != null) {
          ilmd.put(PREFIX + ":grade", tag.grade().percent());
        }
      }
      case Transfer transfer -> {
        objectEvent(event, NAMESPACE + "transferring", null, transfer.lotId(), 0);
        placeAndParties(event, context);
        event
            .putArray("destinationList")
            .addObject()
            .put("type", "owning_party")
            .put("destination", actorUri(transfer.toActorId()));
      }
      case Ship ship -> {
        objectEvent(event, "shipping", "in_transit", ship.lotId(), 0);
        placeAndParties(event, context);
        event
            .putArray("destinationList")
            .addObject()
            .put("type", "owning_party")
            .put("destination", actorUri(ship.consigneeId()));
        if (ship.transporterId() != null) {
          event.put(PREFIX + ":transporter", actorUri(ship.transporterId()));
        }
      }
      case Receive receive -> {
        objectEvent(event, "receiving", "in_progress", receive.lotId(), receive.massGrams());
        placeAndParties(event, context);
        event
            .putArray("destinationList")
            .addObject()
            .put("type", "possessing_party")
            .put("destination", actorUri(context.actorId()));
      }
      case Split split -> {
        event.putArray("inputEPCList").add(lotUri(split.lotId()));
        ArrayNode outputs = event.putArray("outputQuantityList");
        split.parts().forEach(part -> quantity(outputs, part.lotId(), part.massGrams()));
        event.put("bizStep", NAMESPACE + "splitting");
        placeAndParties(event, context);
        Map<String, String> tags = new LinkedHashMap<>();
        split.parts().forEach(part -> tags.put(part.lotId(), part.tagNumber()));
        putTagNumbers(event, tags);
      }
      case Merge merge -> {
        event.put("action", "ADD");
        event.put("bizStep", "packing");
        event.put("parentID", lotUri(merge.output().lotId()));
        ArrayNode children = event.putArray("childEPCs");
        merge.inputLotIds().forEach(lot -> children.add(lotUri(lot)));
        placeAndParties(event, context);
        event.put(PREFIX + ":tagNumber", merge.output().tagNumber());
        event.put(PREFIX + ":massKilograms", kilograms(merge.output().massGrams()));
      }
      case Process process -> {
        ArrayNode wholeInputs = Json.array();
        ArrayNode partInputs = Json.array();
        for (ProcessInput input : process.inputs()) {
          if (input.massGrams() > 0) {
            quantity(partInputs, input.lotId(), input.massGrams());
          } else {
            wholeInputs.add(lotUri(input.lotId()));
          }
        }
        if (!wholeInputs.isEmpty()) {
          event.set("inputEPCList", wholeInputs);
        }
        if (!partInputs.isEmpty()) {
          event.set("inputQuantityList", partInputs);
        }
        ArrayNode outputs = event.putArray("outputQuantityList");
        process.outputs().forEach(output -> quantity(outputs, output.lotId(), output.massGrams()));
        event.put("bizStep", "commissioning");
        placeAndParties(event, context);
        Map<String, String> tags = new LinkedHashMap<>();
        process.outputs().forEach(output -> tags.put(output.lotId(), output.tagNumber()));
        putTagNumbers(event, tags);
        ProcessOutput first = process.outputs().getFirst();
        ObjectNode ilmd = event.putObject("ilmd");
        ilmd.put(PREFIX + ":mineral", first.mineral().wireName());
        if (first.grade() != null && process.outputs().size() == 1) {
          ilmd.put(PREFIX + ":grade", first.grade().percent());
        }
      }
      case Assay assay -> {
        objectEvent(event, "inspecting", null, assay.lotId(), 0);
        placeAndParties(event, context);
        ObjectNode report =
            event.putArray("sensorElementList").addObject().putArray("sensorReport").addObject();
        report.put("type", NAMESPACE + "grade");
        report.put("value", assay.grade().percent());
        report.put("uom", "P1");
        event.put(PREFIX + ":laboratory", assay.laboratory());
        if (assay.fingerprint() != null) {
          event.put(PREFIX + ":fingerprint", assay.fingerprint());
        }
      }
      case Export export -> {
        objectEvent(event, "departing", "in_transit", export.lotId(), export.massGrams());
        placeAndParties(event, context);
        customs(event, export.declarationNumber());
        event
            .putArray("destinationList")
            .addObject()
            .put("type", NAMESPACE + "country")
            .put("destination", COUNTRY_URN + export.destination().code());
      }
      case Import anImport -> {
        objectEvent(event, "arriving", "in_progress", anImport.lotId(), anImport.massGrams());
        placeAndParties(event, context);
        customs(event, anImport.declarationNumber());
        event
            .putArray("sourceList")
            .addObject()
            .put("type", NAMESPACE + "country")
            .put("source", COUNTRY_URN + anImport.origin().code());
      }
    }
    return event;
  }

  private static void objectEvent(
      ObjectNode event, String bizStep, String disposition, String lotId, long massGrams) {
    event.put("action", "OBSERVE");
    event.put("bizStep", bizStep);
    if (disposition != null) {
      event.put("disposition", disposition);
    }
    event.putArray("epcList").add(lotUri(lotId));
    if (massGrams > 0) {
      event.put(PREFIX + ":massKilograms", kilograms(massGrams));
    }
  }

  private static void placeAndParties(ObjectNode event, EventContext context) {
    event
        .putObject("readPoint")
        .put("id", "geo:" + context.place().latitude() + "," + context.place().longitude());
    event.put(PREFIX + ":actor", actorUri(context.actorId()));
    event.put(PREFIX + ":recordedBy", context.recordedBy());
  }

  private static void customs(ObjectNode event, String declarationNumber) {
    String value =
        declarationNumber.contains(":") ? declarationNumber : CUSTOMS_URN + declarationNumber;
    event
        .putArray("bizTransactionList")
        .addObject()
        .put("type", NAMESPACE + "customsDeclaration")
        .put("bizTransaction", value);
  }

  private static void quantity(ArrayNode list, String lotId, long massGrams) {
    list.addObject()
        .put("epcClass", lotUri(lotId))
        .put("quantity", kilograms(massGrams))
        .put("uom", "KGM");
  }

  private static BigDecimal kilograms(long grams) {
    return BigDecimal.valueOf(grams).divide(THOUSAND).stripTrailingZeros();
  }

  // ---- identifiers and vocabulary

  /** The custody id of an EPCIS eventID: urn:oretrace:event:X is X, any other URI itself. */
  static String eventIdOf(String eventId) {
    return eventId != null && eventId.startsWith(EVENT_URN)
        ? eventId.substring(EVENT_URN.length())
        : eventId;
  }

  /** The EPCIS eventID of a custody event id (EPCIS wants a URI). */
  public static String eventUri(String eventId) {
    return eventId.contains(":") ? eventId : EVENT_URN + eventId;
  }

  static String lotId(String uri) {
    return uri.startsWith(LOT_URN) ? uri.substring(LOT_URN.length()) : uri;
  }

  static String siteId(String uri) {
    return uri.startsWith(SITE_URN) ? uri.substring(SITE_URN.length()) : uri;
  }

  static String actorId(String uri) {
    return uri.startsWith(ACTOR_URN) ? uri.substring(ACTOR_URN.length()) : uri;
  }

  /** The URI of a lot: the id itself when it is a URI (an EPC), else urn:oretrace:lot:id. */
  public static String lotUri(String lotId) {
    return lotId.contains(":") ? lotId : LOT_URN + lotId;
  }

  static String siteUri(String siteId) {
    return siteId.contains(":") ? siteId : SITE_URN + siteId;
  }

  static String actorUri(String actorId) {
    return actorId.contains(":") ? actorId : ACTOR_URN + actorId;
  }

  private boolean known(String lotId) {
    return createdHere.containsKey(lotId) || knownLots.apply(lotId).isPresent();
  }

  private LotFacts facts(String lotId) {
    LotFacts here = createdHere.get(lotId);
    if (here != null) {
      return here;
    }
    return knownLots
        .apply(lotId)
        .map(lot -> new LotFacts(lot.mineral(), lot.massGrams()))
        .orElse(null);
  }

  /** An Oretrace field of an object: {@code ot:name} under any prefix bound to the namespace. */
  private JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String prefix : prefixes) {
      JsonNode value = node.get(prefix + ":" + name);
      if (value != null) {
        return value;
      }
    }
    return node.get(NAMESPACE + name);
  }

  private boolean isOretrace(String value, String name) {
    if (value == null) {
      return false;
    }
    if (value.equals(NAMESPACE + name)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (value.equals(prefix + ":" + name)) {
        return true;
      }
    }
    return false;
  }

  private List<Quantity> objectLots(ObjectNode event) {
    Map<String, Quantity> lots = new LinkedHashMap<>();
    strings(event.get("epcList")).forEach(epc -> lots.put(lotId(epc), new Quantity(lotId(epc), 0)));
    quantities(event.get("quantityList")).forEach(quantity -> lots.put(quantity.lotId(), quantity));
    return List.copyOf(lots.values());
  }

  private static List<String> strings(JsonNode list) {
    List<String> values = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  private static List<Quantity> quantities(JsonNode list) {
    List<Quantity> values = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode element : list) {
        String epcClass = EpcisFields.text(element, "epcClass");
        if (epcClass == null) {
          continue;
        }
        BigDecimal quantity = decimal(element.get("quantity"));
        String uom = EpcisFields.text(element, "uom");
        long grams = 0;
        if (quantity != null && uom != null) {
          BigDecimal factor =
              switch (uom) {
                case "KGM" -> THOUSAND;
                case "GRM" -> BigDecimal.ONE;
                case "TNE" -> MILLION;
                default -> null;
              };
          if (factor != null) {
            grams = quantity.multiply(factor).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
          }
        }
        values.add(new Quantity(lotId(epcClass), grams));
      }
    }
    return values;
  }

  /** An output's tag number from {@code ot:tagNumbers} (lot URI to tag), else its lot id. */
  private static String tagNumber(JsonNode tagNumbers, String lotId) {
    JsonNode tag = tagNumbers == null ? null : tagNumbers.get(lotUri(lotId));
    return tag == null ? lotId : tag.asText();
  }

  private static void putTagNumbers(ObjectNode event, Map<String, String> tagByLot) {
    ObjectNode tags = Json.object();
    tagByLot.forEach(
        (lotId, tag) -> {
          if (!tag.equals(lotId)) {
            tags.put(lotUri(lotId), tag);
          }
        });
    if (!tags.isEmpty()) {
      event.set(PREFIX + ":tagNumbers", tags);
    }
  }

  private static long grams(BigDecimal kilograms) {
    return kilograms.multiply(THOUSAND).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    try {
      return new BigDecimal(node.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Grade grade(Reader reader, String field, JsonNode node) {
    if (node == null) {
      return null;
    }
    BigDecimal percent = decimal(node);
    if (percent == null) {
      reader.fail(field, "a grade is a percentage, got " + node);
      return null;
    }
    return reader.convert(field, percent, Grade::ofPercent);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private String customsDeclaration(ObjectNode event) {
    JsonNode list = event.get("bizTransactionList");
    if (list != null && list.isArray()) {
      for (JsonNode transaction : list) {
        if (isOretrace(EpcisFields.text(transaction, "type"), "customsDeclaration")) {
          String value = EpcisFields.text(transaction, "bizTransaction");
          if (value != null) {
            return value.startsWith(CUSTOMS_URN) ? value.substring(CUSTOMS_URN.length()) : value;
          }
        }
      }
    }
    return null;
  }

  private JsonNode gradeReport(ObjectNode event) {
    JsonNode elements = event.get("sensorElementList");
    if (elements != null && elements.isArray()) {
      for (JsonNode element : elements) {
        JsonNode reports = element.get("sensorReport");
        if (reports != null && reports.isArray()) {
          for (JsonNode report : reports) {
            if (isOretrace(EpcisFields.text(report, "type"), "grade")) {
              ObjectNode withMetadata = report.deepCopy();
              if (element.has("sensorMetadata")) {
                withMetadata.set("sensorMetadata", element.get("sensorMetadata"));
              }
              return withMetadata;
            }
          }
        }
      }
    }
    return null;
  }

  private Country country(Reader reader, JsonNode list, String key) {
    if (list != null && list.isArray()) {
      for (JsonNode entry : list) {
        if (isOretrace(EpcisFields.text(entry, "type"), "country")) {
          String value = EpcisFields.text(entry, key);
          String code =
              value != null && value.startsWith(COUNTRY_URN)
                  ? value.substring(COUNTRY_URN.length())
                  : value;
          return reader.convert(key + "List", code, Country::of);
        }
      }
    }
    reader.fail(
        key + "List",
        "name the "
            + (key.equals("source") ? "origin" : "destination")
            + " country (type ot:country, "
            + COUNTRY_URN
            + "XX)");
    return null;
  }

  private static String sourceParty(JsonNode event) {
    return firstNonNull(
        party(event.get("sourceList"), "source", "possessing_party"),
        party(event.get("sourceList"), "source", "owning_party"));
  }

  private static String destinationParty(JsonNode event) {
    return firstNonNull(
        party(event.get("destinationList"), "destination", "possessing_party"),
        party(event.get("destinationList"), "destination", "owning_party"));
  }

  private static String party(JsonNode list, String key, String type) {
    if (list != null && list.isArray()) {
      for (JsonNode entry : list) {
        String entryType = EpcisFields.text(entry, "type");
        if (type.equals(entryType)
            || ("urn:epcglobal:cbv:sdt:" + type).equals(entryType)
            || ("https://ref.gs1.org/cbv/SDT-" + type).equals(entryType)) {
          return EpcisFields.text(entry, key);
        }
      }
    }
    return null;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private enum Party {
    SOURCE,
    DESTINATION
  }

  private record Quantity(String lotId, long grams) {}

  private record LotFacts(Mineral mineral, long massGrams) {}

  /** Collects the violations of one event, each under its item. */
  private static final class Reader {
    private final ObjectNode event;
    private final int item;
    private final List<Violation> violations;
    private boolean failed;

    Reader(ObjectNode event, int item, List<Violation> violations) {
      this.event = event;
      this.item = item;
      this.violations = violations;
    }

    void fail(String field, String message) {
      violations.add(Violation.of(item, field, message));
      failed = true;
    }

    <T, R> R convert(String field, T value, Function<T, R> converter) {
      try {
        return converter.apply(value);
      } catch (IllegalArgumentException | NullPointerException e) {
        fail(field, e.getMessage() == null ? "missing" : e.getMessage());
        return null;
      }
    }

    CustodyEvent build(Supplier<CustodyEvent> constructor) {
      if (failed) {
        return null;
      }
      return convert("", constructor, Supplier::get);
    }
  }
}
