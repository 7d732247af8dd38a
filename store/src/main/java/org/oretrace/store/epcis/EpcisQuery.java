package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A simple event query of the EPCIS query interface: every condition must hold; the values of one
 * condition are alternatives. EPC values ending in {@code *} match by prefix (the EPC pattern
 * syntax's trailing wildcard).
 *
 * @param eventTimeFrom GE_eventTime, or null
 * @param eventTimeBefore LT_eventTime, or null
 * @param recordTimeFrom GE_recordTime, or null
 * @param recordTimeBefore LT_recordTime, or null
 * @param eventCountLimit the most events the whole query returns, or 0 for no limit
 */
public record EpcisQuery(
    Map<Match, List<String>> matches,
    Instant eventTimeFrom,
    Instant eventTimeBefore,
    Instant recordTimeFrom,
    Instant recordTimeBefore,
    OrderBy orderBy,
    boolean ascending,
    int eventCountLimit) {

  public static final EpcisQuery ALL =
      new EpcisQuery(Map.of(), null, null, null, null, OrderBy.RECORD_TIME, true, 0);

  public EpcisQuery {
    requireNonNull(matches, "matches is null");
    EnumMap<Match, List<String>> copy = new EnumMap<>(Match.class);
    matches.forEach(
        (match, values) ->
            copy.put(
                match,
                values.stream()
                    .map(
                        value ->
                            switch (match) {
                              case BIZ_STEP -> EpcisFields.bizStep(value);
                              case DISPOSITION -> EpcisFields.disposition(value);
                              default -> value;
                            })
                    .toList()));
    matches = Map.copyOf(copy);
    requireNonNull(orderBy, "orderBy is null");
    if (eventCountLimit < 0) {
      throw new IllegalArgumentException("eventCountLimit must not be negative");
    }
  }

  /** The same query with one more condition. */
  public EpcisQuery and(Match match, List<String> values) {
    EnumMap<Match, List<String>> more = new EnumMap<>(Match.class);
    more.putAll(matches);
    more.put(match, values);
    return new EpcisQuery(
        more,
        eventTimeFrom,
        eventTimeBefore,
        recordTimeFrom,
        recordTimeBefore,
        orderBy,
        ascending,
        eventCountLimit);
  }

  /** The conditions on fields and identifiers, each with its query parameter. */
  public enum Match {
    EVENT_TYPE("eventType"),
    ACTION("EQ_action"),
    BIZ_STEP("EQ_bizStep"),
    DISPOSITION("EQ_disposition"),
    READ_POINT("EQ_readPoint"),
    BIZ_LOCATION("EQ_bizLocation"),
    EVENT_ID("EQ_eventID"),
    EPC("MATCH_epc"),
    PARENT_ID("MATCH_parentID"),
    INPUT_EPC("MATCH_inputEPC"),
    OUTPUT_EPC("MATCH_outputEPC"),
    ANY_EPC("MATCH_anyEPC"),
    EPC_CLASS("MATCH_epcClass"),
    INPUT_EPC_CLASS("MATCH_inputEPCClass"),
    OUTPUT_EPC_CLASS("MATCH_outputEPCClass"),
    ANY_EPC_CLASS("MATCH_anyEPCClass"),
    /** Any identifier in any role, for {@code /epcs/{epc}/events}; no query parameter. */
    ANY_IDENTIFIER("");

    private final String parameter;

    Match(String parameter) {
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  /** The orders the query interface offers. */
  public enum OrderBy {
    EVENT_TIME("eventTime"),
    RECORD_TIME("recordTime");

    private final String parameter;

    OrderBy(String parameter) {
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }
}
