package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.Violation;
import org.oretrace.core.registry.Identifiers;

/**
 * Reads the fields of one JSON object of a batch, recording a violation (item, field path, message)
 * for every missing, mistyped or invalid field instead of stopping at the first, so that a sender
 * learns everything wrong with a batch at once. Readers return null after recording a violation;
 * callers build their record only when {@link #ok()}.
 */
final class FieldReader {

  private final JsonNode node;
  private final int item;
  private final String prefix;
  private final List<Violation> violations;
  private final int violationsAtStart;

  FieldReader(JsonNode node, int item, String prefix, List<Violation> violations) {
    this.node = node;
    this.item = item;
    this.prefix = prefix;
    this.violations = violations;
    this.violationsAtStart = violations.size();
    if (node == null || !node.isObject()) {
      fail("", "must be a JSON object");
    }
  }

  boolean ok() {
    return violations.size() == violationsAtStart;
  }

  FieldReader nested(String field) {
    return new FieldReader(
        node == null ? null : node.get(field), item, path(field) + "/", violations);
  }

  FieldReader element(JsonNode element, String field) {
    return new FieldReader(element, item, path(field) + "/", violations);
  }

  void rejectUnknown(Set<String> known) {
    if (node == null || !node.isObject()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        fail(
            name,
            "unknown field (known fields: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  /** The raw JSON object under a field, or null (with a violation) when it is not an object. */
  JsonNode rawObject(String field) {
    JsonNode value = value(field);
    if (value != null && !value.isObject()) {
      fail(field, "must be a JSON object");
      return null;
    }
    return value;
  }

  boolean has(String field) {
    return node != null && node.hasNonNull(field);
  }

  String text(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      fail(field, "must be a non-empty string");
      return null;
    }
    return value.asText();
  }

  String optionalText(String field) {
    return has(field) ? text(field) : null;
  }

  String id(String field) {
    String text = text(field);
    if (text != null && !Identifiers.isValid(text)) {
      fail(field, "must be 1 to 128 printable characters without spaces");
      return null;
    }
    return text;
  }

  String optionalId(String field) {
    return has(field) ? id(field) : null;
  }

  /** A whole number; {@code minimum} is the smallest allowed value. */
  Long wholeNumber(String field, long minimum) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      fail(field, "must be a whole number");
      return null;
    }
    long number = value.asLong();
    if (number < minimum) {
      fail(field, minimum == 1 ? "must be positive" : "must be at least " + minimum);
      return null;
    }
    return number;
  }

  long optionalWholeNumber(String field, long fallback) {
    Long number = has(field) ? wholeNumber(field, 0) : null;
    return number == null ? fallback : number;
  }

  Double decimal(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      fail(field, "must be a number");
      return null;
    }
    return value.asDouble();
  }

  Boolean bool(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      fail(field, "must be true or false");
      return null;
    }
    return value.asBoolean();
  }

  Grade optionalGrade(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isNumber()) {
      fail(field, "must be a percentage, e.g. 31.25");
      return null;
    }
    return convert(field, value, node -> Grade.ofPercent(node.decimalValue()));
  }

  Grade grade(String field) {
    return value(field) == null ? null : optionalGrade(field);
  }

  OffsetDateTime time(String field) {
    return parsedText(
        field,
        IsoTimes::parse,
        "must be an ISO 8601 time with offset, e.g. 2025-03-01T08:30:00+02:00");
  }

  LocalDate date(String field) {
    return parsedText(field, LocalDate::parse, "must be an ISO 8601 date, e.g. 2025-03-01");
  }

  /** A text field parsed as a date or time, with {@code message} when it does not parse. */
  private <T> T parsedText(String field, Function<String, T> parser, String message) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (DateTimeParseException e) {
      fail(field, message);
      return null;
    }
  }

  Country country(String field) {
    String text = text(field);
    return text == null ? null : convert(field, text, Country::new);
  }

  GeoPoint place(String field) {
    FieldReader place = nested(field);
    if (!place.ok()) {
      return null;
    }
    place.rejectUnknown(Set.of("lat", "lon"));
    Double latitude = place.decimal("lat");
    Double longitude = place.decimal("lon");
    if (latitude == null || longitude == null) {
      return null;
    }
    return convert(field, latitude, lat -> new GeoPoint(lat, longitude));
  }

  <E> E enumeration(String field, Function<String, E> parser) {
    String text = text(field);
    return text == null ? null : convert(field, text, parser);
  }

  List<JsonNode> array(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      fail(field, "must be an array");
      return null;
    }
    List<JsonNode> elements = new ArrayList<>(value.size());
    value.forEach(elements::add);
    return elements;
  }

  BigDecimal exactDecimal(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      fail(field, "must be a number");
      return null;
    }
    return value.decimalValue();
  }

  /** Records a violation on a field of this object (empty for the object itself). */
  void fail(String field, String message) {
    violations.add(Violation.of(item, path(field), message));
  }

  /** Converts a value with a constructor that validates, turning its refusal into a violation. */
  <T, R> R convert(String field, T value, Function<T, R> converter) {
    try {
      return converter.apply(value);
    } catch (IllegalArgumentException e) {
      fail(field, e.getMessage());
      return null;
    }
  }

  private JsonNode value(String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      fail(field, "is required");
      return null;
    }
    return value;
  }

  private String path(String field) {
    if (field.isEmpty()) {
      return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
    return prefix + field;
  }
}
