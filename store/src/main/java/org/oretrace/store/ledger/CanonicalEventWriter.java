package org.oretrace.store.ledger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.oretrace.core.ledger.CanonicalJson;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.IsoTimes;

/**
 * Writes a custody event's ledger entry straight from its record: the RFC 8785 canonical JSON of
 * its wire form ({@link EventJson#encode}), without building that wire form as a tree first.
 *
 * <p>Why: on capture, record to Jackson tree to canonical bytes ({@link CanonicalTreeWriter}) cost
 * about 2.6 µs an event, half of it building the tree (a node per field, a hash map per object)
 * only to walk it once and throw it away. An event's members are a fixed set per type, so their
 * canonical order (names sorted by UTF-16 code units, {@link String#compareTo}) is worked out once
 * per type, at class load, and the values are written in that order into one byte buffer.
 *
 * <p>The bytes are those of the tree path by construction, value by value: a member is written
 * exactly when {@link EventJson#encode} puts it (optional ones only when present); strings of
 * printable ASCII without quote or backslash go out as they are, any other string through {@link
 * CanonicalJson}; whole numbers within +-2^53 as their digits, larger ones through {@link
 * CanonicalJson} (which refuses an inexact one, as the tree path does); coordinates as ECMAScript
 * writes a double ({@link CanonicalJson#number}); grades, percentages with at most four decimals,
 * as their plain decimal digits, which is what ECMAScript writes for the double nearest such a
 * percentage. {@code CanonicalEventWriterTest} compares the two paths on simulated worlds, every
 * grade, and strings and numbers at the edges.
 */
final class CanonicalEventWriter extends ByteOutput {

  private static final long MAX_SAFE_INTEGER = 1L << 53;

  /** The members of an event's wire form, by wire name. */
  private enum Member {
    ID("id"),
    TYPE("type"),
    TIME("time"),
    PLACE("place"),
    ACTOR("actor"),
    RECORDED_BY("recordedBy"),
    EVIDENCE("evidence"),
    LOT("lot"),
    TAG_NUMBER("tagNumber"),
    SITE("site"),
    MINERAL("mineral"),
    MASS_GRAMS("massGrams"),
    GRADE("grade"),
    TO_ACTOR("toActor"),
    CONSIGNEE("consignee"),
    TRANSPORTER("transporter"),
    PARTS("parts"),
    INPUTS("inputs"),
    OUTPUT("output"),
    OUTPUTS("outputs"),
    LABORATORY("laboratory"),
    FINGERPRINT("fingerprint"),
    DECLARATION_NUMBER("declarationNumber"),
    DESTINATION("destination"),
    ORIGIN("origin");

    final String wireName;
    // The member's name, quoted, and its colon: the bytes written before every value.
    final byte[] nameAndColon;

    Member(String wireName) {
      this.wireName = wireName;
      this.nameAndColon = ('"' + wireName + "\":").getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final List<Member> COMMON =
      List.of(
          Member.ID,
          Member.TYPE,
          Member.TIME,
          Member.PLACE,
          Member.ACTOR,
          Member.RECORDED_BY,
          Member.EVIDENCE);

  /** Each type's members in canonical order. */
  private static final Map<EventType, Member[]> ORDER = new EnumMap<>(EventType.class);

  static {
    for (EventType type : EventType.values()) {
      List<Member> members = new ArrayList<>(COMMON);
      members.addAll(
          switch (type) {
            case TAG ->
                List.of(
                    Member.LOT,
                    Member.TAG_NUMBER,
                    Member.SITE,
                    Member.MINERAL,
                    Member.MASS_GRAMS,
                    Member.GRADE);
            case TRANSFER -> List.of(Member.LOT, Member.TO_ACTOR);
            case SHIP -> List.of(Member.LOT, Member.CONSIGNEE, Member.TRANSPORTER);
            case RECEIVE -> List.of(Member.LOT, Member.MASS_GRAMS);
            case SPLIT -> List.of(Member.LOT, Member.PARTS);
            case MERGE -> List.of(Member.INPUTS, Member.OUTPUT);
            case PROCESS -> List.of(Member.INPUTS, Member.OUTPUTS);
            case ASSAY -> List.of(Member.LOT, Member.GRADE, Member.LABORATORY, Member.FINGERPRINT);
            case EXPORT ->
                List.of(
                    Member.LOT, Member.DECLARATION_NUMBER, Member.DESTINATION, Member.MASS_GRAMS);
            case IMPORT ->
                List.of(Member.LOT, Member.DECLARATION_NUMBER, Member.ORIGIN, Member.MASS_GRAMS);
          });
      Member[] sorted = members.toArray(Member[]::new);
      Arrays.sort(sorted, Comparator.comparing(member -> member.wireName));
      ORDER.put(type, sorted);
    }
  }

  /** A writer per thread, so that its buffer is reused from one event to the next. */
  private static final ThreadLocal<CanonicalEventWriter> WRITERS =
      ThreadLocal.withInitial(CanonicalEventWriter::new);

  private static final int INITIAL_BUFFER = 1024;
  private static final int MAX_KEPT_BUFFER = 1 << 16;

  private static final int COORDINATE_SLOT_BITS = 8;

  private boolean first;
  // The text of recently written coordinates, by their bits (see coordinate).
  private final long[] coordinateBits = new long[1 << COORDINATE_SLOT_BITS];
  private final byte[][] coordinateTexts = new byte[1 << COORDINATE_SLOT_BITS][];

  private CanonicalEventWriter() {
    super(INITIAL_BUFFER);
  }

  /** The canonical ledger entry of {@code event}. */
  static byte[] encode(CustodyEvent event) {
    return encode(event, (bytes, length) -> Arrays.copyOf(bytes, length));
  }

  /** What is made of an entry while it is in the writer's buffer. */
  @FunctionalInterface
  interface EntryReader<T> {
    /** Reads the entry in {@code bytes[0, length)}; the bytes are not kept after it returns. */
    T read(byte[] bytes, int length);
  }

  /**
   * The canonical ledger entry of {@code event}, read from the writer's buffer by {@code reader}:
   * for a caller that wants the entry as text and its hash, not a copy of its bytes.
   */
  static <T> T encode(CustodyEvent event, EntryReader<T> reader) {
    CanonicalEventWriter writer = WRITERS.get();
    writer.length = 0;
    try {
      writer.writeEvent(event);
      return reader.read(writer.buffer, writer.length);
    } finally {
      if (writer.buffer.length > MAX_KEPT_BUFFER) {
        writer.buffer =
            new byte[INITIAL_BUFFER]; // an event with huge texts: do not keep its buffer
      }
    }
  }

  private void writeEvent(CustodyEvent event) {
    append((byte) '{');
    first = true;
    for (Member member : ORDER.get(event.type())) {
      writeMember(member, event);
    }
    append((byte) '}');
  }

  /** Writes one member of the event, or nothing when the wire form leaves it out. */
  private void writeMember(Member member, CustodyEvent event) {
    EventContext context = event.context();
    switch (member) {
      case ID -> text(member, context.id());
      case TYPE -> text(member, event.type().wireName());
      case TIME -> time(member, context.time());
      case PLACE -> {
        name(member);
        place(context.place());
      }
      case ACTOR -> text(member, context.actorId());
      case RECORDED_BY -> text(member, context.recordedBy());
      case EVIDENCE -> {
        if (!context.evidence().isEmpty()) {
          name(member);
          textArray(context.evidence());
        }
      }
      case LOT -> text(member, lotOf(event));
      case TAG_NUMBER -> text(member, ((Tag) event).tagNumber());
      case SITE -> text(member, ((Tag) event).siteId());
      case MINERAL -> text(member, ((Tag) event).mineral().wireName());
      case MASS_GRAMS -> massGrams(event);
      case GRADE -> {
        Grade grade =
            switch (event) {
              case Tag tag -> tag.grade();
              case Assay assay -> assay.grade();
              default -> throw new IllegalStateException("no grade on " + event.type());
            };
        if (grade != null) {
          name(member);
          grade(grade);
        }
      }
      case TO_ACTOR -> text(member, ((Transfer) event).toActorId());
      case CONSIGNEE -> text(member, ((Ship) event).consigneeId());
      case TRANSPORTER -> {
        String transporter = ((Ship) event).transporterId();
        if (transporter != null) {
          text(member, transporter);
        }
      }
      case PARTS -> {
        name(member);
        append((byte) '[');
        List<NewLot> parts = ((Split) event).parts();
        for (int index = 0; index < parts.size(); index++) {
          if (index > 0) {
            append((byte) ',');
          }
          newLot(parts.get(index));
        }
        append((byte) ']');
      }
      case INPUTS -> {
        name(member);
        switch (event) {
          case Merge merge -> textArray(merge.inputLotIds());
          case Process process -> processInputs(process.inputs());
          default -> throw new IllegalStateException("no inputs on " + event.type());
        }
      }
      case OUTPUT -> {
        name(member);
        newLot(((Merge) event).output());
      }
      case OUTPUTS -> {
        name(member);
        processOutputs(((Process) event).outputs());
      }
      case LABORATORY -> text(member, ((Assay) event).laboratory());
      case FINGERPRINT -> {
        String fingerprint = ((Assay) event).fingerprint();
        if (fingerprint != null) {
          text(member, fingerprint);
        }
      }
      case DECLARATION_NUMBER ->
          text(
              member,
              event instanceof Export export
                  ? export.declarationNumber()
                  : ((Import) event).declarationNumber());
      case DESTINATION -> text(member, ((Export) event).destination().code());
      case ORIGIN -> text(member, ((Import) event).origin().code());
    }
  }

  private static String lotOf(CustodyEvent event) {
    return switch (event) {
      case Tag tag -> tag.lotId();
      case Transfer transfer -> transfer.lotId();
      case Ship ship -> ship.lotId();
      case Receive receive -> receive.lotId();
      case Split split -> split.lotId();
      case Assay assay -> assay.lotId();
      case Export export -> export.lotId();
      case Import anImport -> anImport.lotId();
      case Merge merge -> throw new IllegalStateException("a merge has no lot member");
      case Process process -> throw new IllegalStateException("a process has no lot member");
    };
  }

  /** The mass member: always on a tag, only when positive on the others that have one. */
  private void massGrams(CustodyEvent event) {
    long mass =
        switch (event) {
          case Tag tag -> tag.massGrams();
          case Receive receive -> receive.massGrams();
          case Export export -> export.massGrams();
          case Import anImport -> anImport.massGrams();
          default -> throw new IllegalStateException("no massGrams on " + event.type());
        };
    if (event instanceof Tag || mass > 0) {
      name(Member.MASS_GRAMS);
      wholeNumber(mass);
    }
  }

  private void place(GeoPoint point) {
    appendAscii("{\"lat\":");
    coordinate(point.latitude());
    appendAscii(",\"lon\":");
    coordinate(point.longitude());
    append((byte) '}');
  }

  /**
   * A coordinate as ECMAScript writes it ({@link CanonicalJson#number}), through a small cache of
   * the latest ones by their bits: the places of events repeat (a site, a warehouse, a border post
   * whose coordinates every event there carries), and formatting a double the ECMAScript way is a
   * fifth of this writer's CPU. A coordinate not in the cache costs one probe more.
   */
  private void coordinate(double value) {
    long bits = Double.doubleToRawLongBits(value);
    int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - COORDINATE_SLOT_BITS));
    byte[] text = coordinateTexts[slot];
    if (text == null || coordinateBits[slot] != bits) {
      text = CanonicalJson.number(value).getBytes(StandardCharsets.US_ASCII);
      coordinateBits[slot] = bits;
      coordinateTexts[slot] = text;
    }
    append(text);
  }

  private void newLot(NewLot lot) {
    appendAscii("{\"lot\":");
    string(lot.lotId());
    appendAscii(",\"massGrams\":");
    wholeNumber(lot.massGrams());
    appendAscii(",\"tagNumber\":");
    string(lot.tagNumber());
    append((byte) '}');
  }

  private void processInputs(List<ProcessInput> inputs) {
    append((byte) '[');
    for (int index = 0; index < inputs.size(); index++) {
      if (index > 0) {
        append((byte) ',');
      }
      ProcessInput input = inputs.get(index);
      appendAscii("{\"lot\":");
      string(input.lotId());
      if (input.massGrams() > 0) {
        appendAscii(",\"massGrams\":");
        wholeNumber(input.massGrams());
      }
      append((byte) '}');
    }
    append((byte) ']');
  }

  private void processOutputs(List<ProcessOutput> outputs) {
    append((byte) '[');
    for (int index = 0; index < outputs.size(); index++) {
      if (index > 0) {
        append((byte) ',');
      }
      ProcessOutput output = outputs.get(index);
      append((byte) '{');
      if (output.grade() != null) {
        appendAscii("\"grade\":");
        grade(output.grade());
        append((byte) ',');
      }
      appendAscii("\"lot\":");
      string(output.lotId());
      appendAscii(",\"massGrams\":");
      wholeNumber(output.massGrams());
      appendAscii(",\"mineral\":");
      string(output.mineral().wireName());
      appendAscii(",\"tagNumber\":");
      string(output.tagNumber());
      append((byte) '}');
    }
    append((byte) ']');
  }

  private void textArray(List<String> texts) {
    append((byte) '[');
    for (int index = 0; index < texts.size(); index++) {
      if (index > 0) {
        append((byte) ',');
      }
      string(texts.get(index));
    }
    append((byte) ']');
  }

  /** A member with a string value; a null string is JSON null, as the tree path writes it. */
  private void text(Member member, String value) {
    name(member);
    if (value == null) {
      appendAscii("null");
    } else {
      string(value);
    }
  }

  /** The member's name and colon, after a comma unless it is the first. */
  private void name(Member member) {
    if (!first) {
      append((byte) ',');
    }
    first = false;
    append(member.nameAndColon);
  }

  /**
   * An event's time, written as {@link IsoTimes#format(OffsetDateTime)} writes it (its digits,
   * signs and letters need no escaping) straight into the buffer, not through a string.
   */
  private void time(Member member, OffsetDateTime time) {
    name(member);
    ensure(IsoTimes.MAX_USUAL_LENGTH + 2);
    buffer[length] = '"';
    int end = IsoTimes.format(time, buffer, length + 1);
    if (end < 0) {
      string(IsoTimes.format(time));
      return;
    }
    buffer[end] = '"';
    length = end + 1;
  }

  /**
   * A string: as it is when its characters are all printable ASCII other than quote and backslash,
   * through {@link CanonicalJson} otherwise. The characters are copied into the buffer as they are
   * looked at, rather than encoded into a byte array of their own first (a third of the encoder's
   * garbage); a string that needs escaping is written again from where it started.
   */
  private void string(String text) {
    int count = text.length();
    ensure(count + 2);
    byte[] out = buffer;
    int start = length;
    out[start] = '"';
    for (int index = 0; index < count; index++) {
      char character = text.charAt(index);
      if (character < 0x20 || character >= 0x7f || character == '"' || character == '\\') {
        append(CanonicalJson.encode(text));
        return;
      }
      out[start + 1 + index] = (byte) character;
    }
    out[start + 1 + count] = '"';
    length = start + count + 2;
  }

  private void wholeNumber(long value) {
    if (value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER) {
      appendAscii(Long.toString(value));
    } else {
      append(CanonicalJson.encode(value));
    }
  }

  /**
   * A grade as its percentage: parts per million over 10,000, plain digits with the fraction's
   * trailing zeros dropped (31.25, 0.0001, 100), as ECMAScript writes that number.
   */
  private void grade(Grade grade) {
    long partsPerMillion = grade.partsPerMillion();
    appendAscii(Long.toString(partsPerMillion / 10_000));
    int fraction = (int) (partsPerMillion % 10_000);
    if (fraction == 0) {
      return;
    }
    int digits = 4;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    ensure(digits + 1);
    buffer[length++] = '.';
    for (int position = digits - 1; position >= 0; position--) {
      buffer[length + position] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    length += digits;
  }
}
