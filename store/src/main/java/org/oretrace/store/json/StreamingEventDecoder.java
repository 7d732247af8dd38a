package org.oretrace.store.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
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
import org.oretrace.core.registry.Identifiers;
import org.oretrace.core.registry.Mineral;

/**
 * Decodes a batch of custody events straight from Jackson's token stream, the capture path's
 * decoder: no tree of nodes (a hash map per object) is built and walked.
 *
 * <p>It decodes only what is entirely well formed and gives up, returning null, at the first thing
 * that is not: a syntax error, a repeated or unknown name, a value of the wrong kind, a missing
 * field, a value a record refuses. The caller then decodes the same bytes the tree way ({@link
 * EventJson#decodeBatch(com.fasterxml.jackson.databind.JsonNode)}), whose violations (every failing
 * item and field, with their messages) are therefore exactly as before. So this class must accept
 * only what the tree way accepts, and build the same events from it: the rules below mirror {@link
 * FieldReader} (texts non-blank, ids by {@link Identifiers#isValid}, whole numbers as integer
 * tokens within a long, decimals read as exact decimals as {@link Json} configures, explicit nulls
 * as absent), and {@code StreamingEventDecoderTest} compares the two ways on simulated worlds and
 * on many altered batches.
 *
 * <p>Member names are seen through Jackson's canonical (interned) names, so the switch on them
 * costs an identity comparison; the slots of an event are fields of this object, reset per event.
 */
final class StreamingEventDecoder {

  /** Abandons the fast path; no stack trace, as it is control flow. */
  private static final class Irregular extends Exception {
    private static final long serialVersionUID = 1L;
    static final Irregular INSTANCE = new Irregular();

    private Irregular() {
      super(null, null, false, false);
    }
  }

  // One bit per member name, to refuse a repeated name and names foreign to the event's type.
  private static final int ID = 1;
  private static final int TYPE = 1 << 1;
  private static final int TIME = 1 << 2;
  private static final int PLACE = 1 << 3;
  private static final int ACTOR = 1 << 4;
  private static final int RECORDED_BY = 1 << 5;
  private static final int EVIDENCE = 1 << 6;
  private static final int LOT = 1 << 7;
  private static final int TAG_NUMBER = 1 << 8;
  private static final int SITE = 1 << 9;
  private static final int MINERAL = 1 << 10;
  private static final int MASS_GRAMS = 1 << 11;
  private static final int GRADE = 1 << 12;
  private static final int TO_ACTOR = 1 << 13;
  private static final int CONSIGNEE = 1 << 14;
  private static final int TRANSPORTER = 1 << 15;
  private static final int PARTS = 1 << 16;
  private static final int INPUTS = 1 << 17;
  private static final int OUTPUT = 1 << 18;
  private static final int OUTPUTS = 1 << 19;
  private static final int LABORATORY = 1 << 20;
  private static final int FINGERPRINT = 1 << 21;
  private static final int DECLARATION_NUMBER = 1 << 22;
  private static final int DESTINATION = 1 << 23;
  private static final int ORIGIN = 1 << 24;

  private static final int COMMON = ID | TYPE | TIME | PLACE | ACTOR | RECORDED_BY | EVIDENCE;

  private final JsonParser parser;
  private final Supplier<String> idSupplier;
  // Whether the parser walks a tree rather than text: numbers then have the types the tree holds.
  private final boolean overTree;

  // The slots of the event being read; null when absent (or given as JSON null).
  private int seen;
  private String id;
  private String type;
  private String time;
  private GeoPoint place;
  private String actor;
  private String recordedBy;
  private List<String> evidence;
  private String lot;
  private String tagNumber;
  private String site;
  private String mineral;
  private Long massGrams;
  private BigDecimal grade;
  private String toActor;
  private String consignee;
  private String transporter;
  private List<NewLot> parts;
  private List<String> lotInputs;
  private List<ProcessInput> processInputs;
  private NewLot output;
  private List<ProcessOutput> outputs;
  private String laboratory;
  private String fingerprint;
  private String declarationNumber;
  private String destination;
  private String origin;

  private StreamingEventDecoder(JsonParser parser, Supplier<String> idSupplier, boolean overTree) {
    this.parser = parser;
    this.idSupplier = idSupplier;
    this.overTree = overTree;
  }

  /**
   * The events of a batch, or null when the body is anything but a well-formed batch of valid
   * events (the caller then decodes it the tree way, which reports why).
   */
  static List<CustodyEvent> decode(byte[] body, Supplier<String> idSupplier) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
      // Repeated names are caught here, by a bit per name (the parser's own detection keeps a hash
      // set per object, an eighth of this decoder's CPU); the tree way then reports them.
      parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return batch(parser, idSupplier, false);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The events of a batch already parsed into a tree (a field batch, whose signature is checked
   * over the tree), read through Jackson's parser over that tree with the same rules, or null as
   * above. So every intake builds its events here, and only the tree way's error reports differ in
   * what they start from.
   */
  static List<CustodyEvent> decode(JsonNode batch, Supplier<String> idSupplier) {
    try (JsonParser parser = batch.traverse(Json.mapper())) {
      return batch(parser, idSupplier, true);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** One event, such as a line of NDJSON, or null as above. */
  static CustodyEvent decodeEvent(byte[] body, Supplier<String> idSupplier) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
      parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      CustodyEvent event = new StreamingEventDecoder(parser, idSupplier, false).event();
      return parser.nextToken() == null ? event : null;
    } catch (Irregular | IOException | RuntimeException e) {
      return null;
    }
  }

  /** A whole batch from the parser's start, nothing after it; null when irregular. */
  private static List<CustodyEvent> batch(
      JsonParser parser, Supplier<String> idSupplier, boolean overTree) throws IOException {
    try {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      StreamingEventDecoder decoder = new StreamingEventDecoder(parser, idSupplier, overTree);
      List<CustodyEvent> events = new ArrayList<>();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (token != JsonToken.START_OBJECT) {
          return null;
        }
        events.add(decoder.event());
      }
      return parser.nextToken() == null ? events : null;
    } catch (Irregular e) {
      return null;
    }
  }

  /** Reads one event object, its start already read. */
  private CustodyEvent event() throws IOException, Irregular {
    clear();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "id" -> {
          mark(ID);
          id = identifier(token);
        }
        case "type" -> {
          mark(TYPE);
          type = text(token);
        }
        case "time" -> {
          mark(TIME);
          time = text(token);
        }
        case "place" -> {
          mark(PLACE);
          place = place(token);
        }
        case "actor" -> {
          mark(ACTOR);
          actor = identifier(token);
        }
        case "recordedBy" -> {
          mark(RECORDED_BY);
          recordedBy = text(token);
        }
        case "evidence" -> {
          mark(EVIDENCE);
          evidence = evidence(token);
        }
        case "lot" -> {
          mark(LOT);
          lot = identifier(token);
        }
        case "tagNumber" -> {
          mark(TAG_NUMBER);
          tagNumber = identifier(token);
        }
        case "site" -> {
          mark(SITE);
          site = identifier(token);
        }
        case "mineral" -> {
          mark(MINERAL);
          mineral = text(token);
        }
        case "massGrams" -> {
          mark(MASS_GRAMS);
          massGrams = wholeNumber(token);
        }
        case "grade" -> {
          mark(GRADE);
          grade = decimal(token);
        }
        case "toActor" -> {
          mark(TO_ACTOR);
          toActor = identifier(token);
        }
        case "consignee" -> {
          mark(CONSIGNEE);
          consignee = identifier(token);
        }
        case "transporter" -> {
          mark(TRANSPORTER);
          transporter = identifier(token);
        }
        case "parts" -> {
          mark(PARTS);
          parts = newLots(token);
        }
        case "inputs" -> {
          mark(INPUTS);
          inputs(token);
        }
        case "output" -> {
          mark(OUTPUT);
          output = newLot(token);
        }
        case "outputs" -> {
          mark(OUTPUTS);
          outputs = processOutputs(token);
        }
        case "laboratory" -> {
          mark(LABORATORY);
          laboratory = text(token);
        }
        case "fingerprint" -> {
          mark(FINGERPRINT);
          fingerprint = text(token);
        }
        case "declarationNumber" -> {
          mark(DECLARATION_NUMBER);
          declarationNumber = text(token);
        }
        case "destination" -> {
          mark(DESTINATION);
          destination = text(token);
        }
        case "origin" -> {
          mark(ORIGIN);
          origin = text(token);
        }
        default -> throw Irregular.INSTANCE;
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw Irregular.INSTANCE;
    }
    return build();
  }

  private void clear() {
    seen = 0;
    id = null;
    type = null;
    time = null;
    place = null;
    actor = null;
    recordedBy = null;
    evidence = null;
    lot = null;
    tagNumber = null;
    site = null;
    mineral = null;
    massGrams = null;
    grade = null;
    toActor = null;
    consignee = null;
    transporter = null;
    parts = null;
    lotInputs = null;
    processInputs = null;
    output = null;
    outputs = null;
    laboratory = null;
    fingerprint = null;
    declarationNumber = null;
    destination = null;
    origin = null;
  }

  /** Notes a member name; a name seen twice in one object is left to the tree way. */
  private void mark(int member) throws Irregular {
    if ((seen & member) != 0) {
      throw Irregular.INSTANCE;
    }
    seen |= member;
  }

  private CustodyEvent build() throws Irregular {
    EventType eventType = EventType.fromWireName(required(type));
    if ((seen & ~(COMMON | members(eventType))) != 0) {
      throw Irregular.INSTANCE;
    }
    OffsetDateTime eventTime = IsoTimes.parse(required(time));
    EventContext context =
        new EventContext(
            id != null ? id : idSupplier.get(),
            eventTime,
            required(place),
            required(actor),
            required(recordedBy),
            evidence != null ? evidence : List.of());
    return switch (eventType) {
      case TAG ->
          new Tag(
              context,
              required(lot),
              required(tagNumber),
              required(site),
              Mineral.fromWireName(required(mineral)),
              positive(massGrams),
              grade == null ? null : Grade.ofPercent(grade));
      case TRANSFER -> new Transfer(context, required(lot), required(toActor));
      case SHIP -> new Ship(context, required(lot), required(consignee), transporter);
      case RECEIVE -> new Receive(context, required(lot), massGrams == null ? 0 : massGrams);
      case SPLIT -> new Split(context, required(lot), required(parts));
      case MERGE -> new Merge(context, required(lotInputs), required(output));
      case PROCESS -> new Process(context, required(processInputs), required(outputs));
      case ASSAY ->
          new Assay(
              context,
              required(lot),
              Grade.ofPercent(required(grade)),
              required(laboratory),
              fingerprint);
      case EXPORT ->
          new Export(
              context,
              required(lot),
              required(declarationNumber),
              new Country(required(destination)),
              massGrams == null ? 0 : massGrams);
      case IMPORT ->
          new Import(
              context,
              required(lot),
              required(declarationNumber),
              new Country(required(origin)),
              massGrams == null ? 0 : massGrams);
    };
  }

  /** The members of a type besides the common ones ({@code EventJson}'s list of its fields). */
  private static int members(EventType type) {
    return switch (type) {
      case TAG -> LOT | TAG_NUMBER | SITE | MINERAL | MASS_GRAMS | GRADE;
      case TRANSFER -> LOT | TO_ACTOR;
      case SHIP -> LOT | CONSIGNEE | TRANSPORTER;
      case RECEIVE -> LOT | MASS_GRAMS;
      case SPLIT -> LOT | PARTS;
      case MERGE -> INPUTS | OUTPUT;
      case PROCESS -> INPUTS | OUTPUTS;
      case ASSAY -> LOT | GRADE | LABORATORY | FINGERPRINT;
      case EXPORT -> LOT | DECLARATION_NUMBER | DESTINATION | MASS_GRAMS;
      case IMPORT -> LOT | DECLARATION_NUMBER | ORIGIN | MASS_GRAMS;
    };
  }

  private static <T> T required(T value) throws Irregular {
    if (value == null) {
      throw Irregular.INSTANCE;
    }
    return value;
  }

  /** A mass of a tag, a part or an output: present and at least one gram. */
  private static long positive(Long grams) throws Irregular {
    if (grams == null || grams < 1) {
      throw Irregular.INSTANCE;
    }
    return grams;
  }

  // ---- values; each returns null for JSON null, which the tree way takes as absent

  /** A non-blank string ({@code FieldReader.text}). */
  private String text(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw Irregular.INSTANCE;
    }
    String text = parser.getText();
    if (text.isBlank()) {
      throw Irregular.INSTANCE;
    }
    return text;
  }

  /** An identifier ({@code FieldReader.id}). */
  private String identifier(JsonToken token) throws IOException, Irregular {
    String text = text(token);
    if (text != null && !Identifiers.isValid(text)) {
      throw Irregular.INSTANCE;
    }
    return text;
  }

  /** A whole number of grams, at least zero ({@code FieldReader.wholeNumber}). */
  private Long wholeNumber(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw Irregular.INSTANCE;
    }
    long value = parser.getLongValue();
    if (value < 0) {
      throw Irregular.INSTANCE;
    }
    return value;
  }

  /** Any number as the exact decimal the tree way holds ({@code JsonNode.decimalValue}). */
  private BigDecimal decimal(JsonToken token) throws IOException, Irregular {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw Irregular.INSTANCE;
        }
        yield BigDecimal.valueOf(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      default -> throw Irregular.INSTANCE;
    };
  }

  /** A coordinate, as the tree way reads it ({@code JsonNode.asDouble} of an exact number). */
  private double coordinate(JsonToken token) throws IOException, Irregular {
    return switch (token) {
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw Irregular.INSTANCE;
        }
        yield (double) parser.getLongValue();
      }
      // From text, floats are exact decimals (as Json reads them); a tree built in code may hold
      // doubles, which the tree way reads as they are (a -0.0 stays negative).
      case VALUE_NUMBER_FLOAT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL || !overTree
              ? parser.getDecimalValue().doubleValue()
              : parser.getDoubleValue();
      default -> throw Irregular.INSTANCE;
    };
  }

  /** {@code {"lat": ..., "lon": ...}}; null only for JSON null (then required fails). */
  private GeoPoint place(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw Irregular.INSTANCE;
    }
    boolean hasLatitude = false;
    boolean hasLongitude = false;
    double latitude = 0;
    double longitude = 0;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "lat" -> {
          if (hasLatitude) {
            throw Irregular.INSTANCE;
          }
          hasLatitude = true;
          latitude = coordinate(value);
        }
        case "lon" -> {
          if (hasLongitude) {
            throw Irregular.INSTANCE;
          }
          hasLongitude = true;
          longitude = coordinate(value);
        }
        default -> throw Irregular.INSTANCE;
      }
    }
    if (!hasLatitude || !hasLongitude || parser.currentToken() != JsonToken.END_OBJECT) {
      throw Irregular.INSTANCE;
    }
    return new GeoPoint(latitude, longitude);
  }

  /** SHA-256 digests in lower-case hex; an empty list for an empty array. */
  private List<String> evidence(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw Irregular.INSTANCE;
    }
    List<String> digests = new ArrayList<>(2);
    for (JsonToken element = parser.nextToken();
        element != JsonToken.END_ARRAY;
        element = parser.nextToken()) {
      if (element != JsonToken.VALUE_STRING) {
        throw Irregular.INSTANCE;
      }
      String digest = parser.getText();
      if (!isLowerHexDigest(digest)) {
        throw Irregular.INSTANCE;
      }
      digests.add(digest);
    }
    return digests;
  }

  private static boolean isLowerHexDigest(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int index = 0; index < 64; index++) {
      char c = text.charAt(index);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The {@code inputs} of a merge (lot ids) or of a process (objects), by their first element. */
  private void inputs(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_ARRAY) {
      throw Irregular.INSTANCE;
    }
    JsonToken element = parser.nextToken();
    if (element == JsonToken.VALUE_STRING) {
      List<String> ids = new ArrayList<>(4);
      for (; element != JsonToken.END_ARRAY; element = parser.nextToken()) {
        if (element != JsonToken.VALUE_STRING) {
          throw Irregular.INSTANCE;
        }
        ids.add(parser.getText());
      }
      lotInputs = ids;
      return;
    }
    // A process's inputs (an empty array too: the tree way then refuses the event either way).
    List<ProcessInput> inputs = new ArrayList<>(2);
    for (; element != JsonToken.END_ARRAY; element = parser.nextToken()) {
      if (element != JsonToken.START_OBJECT) {
        throw Irregular.INSTANCE;
      }
      String inputLot = null;
      Long inputMass = null;
      int names = 0;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        switch (name) {
          case "lot" -> {
            names = once(names, LOT);
            inputLot = identifier(value);
          }
          case "massGrams" -> {
            names = once(names, MASS_GRAMS);
            inputMass = wholeNumber(value);
          }
          default -> throw Irregular.INSTANCE;
        }
      }
      inputs.add(new ProcessInput(required(inputLot), inputMass == null ? 0 : inputMass));
    }
    processInputs = inputs;
  }

  private List<NewLot> newLots(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw Irregular.INSTANCE;
    }
    List<NewLot> lots = new ArrayList<>(4);
    for (JsonToken element = parser.nextToken();
        element != JsonToken.END_ARRAY;
        element = parser.nextToken()) {
      lots.add(required(newLot(element)));
    }
    return lots;
  }

  /** {@code {"lot", "tagNumber", "massGrams"}}, as a part of a split or the output of a merge. */
  private NewLot newLot(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw Irregular.INSTANCE;
    }
    String newLot = null;
    String newTag = null;
    Long mass = null;
    int names = 0;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "lot" -> {
          names = once(names, LOT);
          newLot = identifier(value);
        }
        case "tagNumber" -> {
          names = once(names, TAG_NUMBER);
          newTag = identifier(value);
        }
        case "massGrams" -> {
          names = once(names, MASS_GRAMS);
          mass = wholeNumber(value);
        }
        default -> throw Irregular.INSTANCE;
      }
    }
    return new NewLot(required(newLot), required(newTag), positive(mass));
  }

  private List<ProcessOutput> processOutputs(JsonToken token) throws IOException, Irregular {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw Irregular.INSTANCE;
    }
    List<ProcessOutput> list = new ArrayList<>(2);
    for (JsonToken element = parser.nextToken();
        element != JsonToken.END_ARRAY;
        element = parser.nextToken()) {
      if (element != JsonToken.START_OBJECT) {
        throw Irregular.INSTANCE;
      }
      String outputLot = null;
      String outputTag = null;
      String outputMineral = null;
      Long mass = null;
      BigDecimal outputGrade = null;
      int names = 0;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        switch (name) {
          case "lot" -> {
            names = once(names, LOT);
            outputLot = identifier(value);
          }
          case "tagNumber" -> {
            names = once(names, TAG_NUMBER);
            outputTag = identifier(value);
          }
          case "mineral" -> {
            names = once(names, MINERAL);
            outputMineral = text(value);
          }
          case "massGrams" -> {
            names = once(names, MASS_GRAMS);
            mass = wholeNumber(value);
          }
          case "grade" -> {
            names = once(names, GRADE);
            outputGrade = decimal(value);
          }
          default -> throw Irregular.INSTANCE;
        }
      }
      list.add(
          new ProcessOutput(
              required(outputLot),
              required(outputTag),
              Mineral.fromWireName(required(outputMineral)),
              positive(mass),
              outputGrade == null ? null : Grade.ofPercent(outputGrade)));
    }
    return list;
  }

  private static int once(int names, int member) throws Irregular {
    if ((names & member) != 0) {
      throw Irregular.INSTANCE;
    }
    return names | member;
  }
}
