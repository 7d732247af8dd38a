package org.oretrace.store.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.store.epcis.EpcisRecord.EpcReference;
import org.oretrace.store.json.IsoTimes;

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
   * read by {@link IsoTimes}' fast path in the form nearly every event uses: the JDK's formatter
   * was the largest cost of mapping an event, and this runs for every captured event, twice.
   *
   * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} does
   */
  static OffsetDateTime offsetDateTime(String text) {
    return IsoTimes.parse(text);
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
