package org.oretrace.store.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.store.epcis.EpcisRecord.EpcReference;

/**
 * Reads the fields of an EPCIS 2.0 JSON-LD event that the query interface filters on. CBV values
 * come in three spellings (bare {@code shipping}, {@code urn:epcglobal:cbv:bizstep:shipping},
 * {@code https://ref.gs1.org/cbv/BizStep-shipping}); they are indexed by the bare word so that any
 * spelling finds any other.
 */
final class EpcisFields {

  static final String ROLE_EPC = "epc";
  static final String ROLE_PARENT = "parent";
  static final String ROLE_INPUT = "input";
  static final String ROLE_OUTPUT = "output";
  static final String ROLE_EPC_CLASS = "epc_class";
  static final String ROLE_INPUT_CLASS = "input_class";
  static final String ROLE_OUTPUT_CLASS = "output_class";

  private EpcisFields() {}

  /** A text field, or null when absent or not text. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The {@code id} of an object field such as readPoint, or null. */
  static String id(JsonNode node, String field) {
    return text(node.get(field), "id");
  }

  static Instant eventTime(JsonNode event) {
    String time = text(event, "eventTime");
    if (time == null) {
      throw new IllegalArgumentException("the event has no eventTime");
    }
    try {
      return offsetDateTime(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("eventTime is not an ISO 8601 time: " + time, e);
    }
  }

  /**
   * {@link OffsetDateTime#parse} of an ISO 8601 time with offset, the same answer for every text,
   * read by hand in the form nearly every event uses ({@code 2025-03-01T08:15:00Z}, {@code
   * 2025-03-01T08:15:00.123+02:00}: four-digit year, seconds, zero to nine fraction digits, {@code
   * Z} or {@code +hh:mm}) and by the JDK's parser otherwise. The JDK's formatter was the largest
   * cost of mapping an event; this runs for every captured event, twice.
   *
   * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} does
   */
  static OffsetDateTime offsetDateTime(String text) {
    OffsetDateTime fast = text == null ? null : parseCommonForm(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  /** The time in the common form, or null when the text is not in it or is no valid time. */
  private static OffsetDateTime parseCommonForm(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
        at++;
      }
      int count = at - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = digits(text, start, at);
      for (int scale = count; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (at == length - 6
        && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && text.charAt(at + 3) == ':') {
      int offsetHours = digits(text, at + 1, at + 3);
      int offsetMinutes = digits(text, at + 4, at + 6);
      if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) {
        return null;
      }
      int sign = text.charAt(at) == '-' ? -1 : 1;
      int totalSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
      if (Math.abs(totalSeconds) > 18 * 3600) {
        return null;
      }
      offset = ZoneOffset.ofTotalSeconds(totalSeconds);
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number of text[from, to), or -1 when one of them is no ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int index = from; index < to; index++) {
      char next = text.charAt(index);
      if (!isDigit(next)) {
        return -1;
      }
      value = value * 10 + (next - '0');
    }
    return value;
  }

  private static boolean isDigit(char character) {
    return character >= '0' && character <= '9';
  }

  static String bizStep(String value) {
    return bareCbv(value, "urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-");
  }

  static String disposition(String value) {
    return bareCbv(value, "urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-");
  }

  private static String bareCbv(String value, String urnPrefix, String webPrefix) {
    if (value == null) {
      return null;
    }
    if (value.startsWith(urnPrefix)) {
      return value.substring(urnPrefix.length());
    }
    if (value.startsWith(webPrefix)) {
      return value.substring(webPrefix.length());
    }
    return value;
  }

  /** Every identifier the event names, with its role. */
  static List<EpcReference> epcs(JsonNode event) {
    List<EpcReference> epcs = new ArrayList<>();
    addAll(epcs, ROLE_EPC, event.get("epcList"));
    addAll(epcs, ROLE_EPC, event.get("childEPCs"));
    addAll(epcs, ROLE_INPUT, event.get("inputEPCList"));
    addAll(epcs, ROLE_OUTPUT, event.get("outputEPCList"));
    String parent = text(event, "parentID");
    if (parent != null) {
      epcs.add(new EpcReference(ROLE_PARENT, parent));
    }
    addClasses(epcs, ROLE_EPC_CLASS, event.get("quantityList"));
    addClasses(epcs, ROLE_EPC_CLASS, event.get("childQuantityList"));
    addClasses(epcs, ROLE_INPUT_CLASS, event.get("inputQuantityList"));
    addClasses(epcs, ROLE_OUTPUT_CLASS, event.get("outputQuantityList"));
    return epcs.stream().distinct().toList();
  }

  private static void addAll(List<EpcReference> epcs, String role, JsonNode list) {
    if (list != null && list.isArray()) {
      for (JsonNode epc : list) {
        if (epc.isTextual()) {
          epcs.add(new EpcReference(role, epc.asText()));
        }
      }
    }
  }

  private static void addClasses(List<EpcReference> epcs, String role, JsonNode list) {
    if (list != null && list.isArray()) {
      for (JsonNode element : list) {
        String epcClass = text(element, "epcClass");
        if (epcClass != null) {
          epcs.add(new EpcReference(role, epcClass));
        }
      }
    }
  }
}
