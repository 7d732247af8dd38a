package org.oretrace.server.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The schedule of a scheduled query subscription, as the REST binding writes it ({@code {"hour":
 * "1", "minute": "5"}}): each of {@code second}, {@code minute}, {@code hour}, {@code dayOfMonth},
 * {@code month} and {@code dayOfWeek} (1 Monday to 7 Sunday) is a comma-separated list of numbers
 * and ranges ({@code "0,30"}, {@code "[1-5]"}). Like a cron line: a time matches when every field
 * matches; an omitted field matches every value, except {@code second}, which is 0 when omitted (so
 * {@code {"minute": "5"}} runs once at minute 5 of every hour, not sixty times). Times are UTC.
 */
record QuerySchedule(List<BitSet> fields) {

  private static final List<String> NAMES =
      List.of("second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek");
  private static final int[] LOWEST = {0, 0, 0, 1, 1, 1};
  private static final int[] HIGHEST = {59, 59, 23, 31, 12, 7};
  private static final List<ChronoField> CHRONO =
      List.of(
          ChronoField.SECOND_OF_MINUTE,
          ChronoField.MINUTE_OF_HOUR,
          ChronoField.HOUR_OF_DAY,
          ChronoField.DAY_OF_MONTH,
          ChronoField.MONTH_OF_YEAR,
          ChronoField.DAY_OF_WEEK);

  QuerySchedule {
    fields = List.copyOf(fields);
  }

  /** The schedule an object describes; a bad field is a SubscriptionControlsException naming it. */
  static QuerySchedule parse(JsonNode schedule) {
    if (schedule == null || !schedule.isObject()) {
      throw invalid("schedule", "must be an object");
    }
    Set<String> known = Set.copyOf(NAMES);
    for (var entry : schedule.properties()) {
      if (!known.contains(entry.getKey())) {
        throw invalid("schedule/" + entry.getKey(), "is not a schedule field " + NAMES);
      }
    }
    BitSet[] fields = new BitSet[NAMES.size()];
    for (int index = 0; index < fields.length; index++) {
      String name = NAMES.get(index);
      JsonNode value = schedule.get(name);
      BitSet allowed = new BitSet();
      if (value == null) {
        if (index == 0) {
          allowed.set(0);
        } else {
          allowed.set(LOWEST[index], HIGHEST[index] + 1);
        }
      } else {
        if (!value.isTextual() && !value.isInt()) {
          throw invalid("schedule/" + name, "must be a text such as \"5\", \"0,30\" or \"[1-5]\"");
        }
        for (String element : value.asText().split(",", -1)) {
          addElement(allowed, element.strip(), index);
        }
      }
      fields[index] = allowed;
    }
    return new QuerySchedule(List.of(fields));
  }

  private static void addElement(BitSet allowed, String element, int index) {
    String name = "schedule/" + NAMES.get(index);
    int from;
    int to;
    try {
      if (element.startsWith("[") && element.endsWith("]") && element.indexOf('-') > 0) {
        String[] bounds = element.substring(1, element.length() - 1).split("-", 2);
        from = Integer.parseInt(bounds[0].strip());
        to = Integer.parseInt(bounds[1].strip());
      } else {
        from = Integer.parseInt(element);
        to = from;
      }
    } catch (NumberFormatException e) {
      throw invalid(name, "\"" + element + "\" is neither a number nor a range [a-b]");
    }
    if (from < LOWEST[index] || to > HIGHEST[index] || from > to) {
      throw invalid(
          name,
          "\""
              + element
              + "\" is outside "
              + LOWEST[index]
              + " to "
              + HIGHEST[index]
              + " or empty");
    }
    allowed.set(from, to + 1);
  }

  /** Whether the schedule runs at this second (UTC). */
  boolean matches(ZonedDateTime time) {
    for (int index = 0; index < fields.size(); index++) {
      if (!fields.get(index).get(time.get(CHRONO.get(index)))) {
        return false;
      }
    }
    return true;
  }

  private static EpcisProblem invalid(String field, String message) {
    return EpcisProblem.subscriptionControls(field, message);
  }
}
