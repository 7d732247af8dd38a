package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.oretrace.core.registry.Identifiers;

/**
 * One stored EPCIS event: the event as JSON-LD (exactly as captured, or as mapped from a native
 * custody event), the {@code @context} of the document it came in, and the fields the query
 * interface filters on, derived from the event by {@link EpcisFields}.
 *
 * @param recordTime when Oretrace stored it (EPCIS recordTime)
 * @param custodyEventIds the custody events it was mapped to; empty when it has no custody meaning
 * @param captureId the capture job that brought it, or null for a native event
 */
public record EpcisRecord(
    String eventId,
    String eventType,
    Instant eventTime,
    Instant recordTime,
    String action,
    String bizStep,
    String disposition,
    String readPoint,
    String bizLocation,
    List<EpcReference> epcs,
    List<String> custodyEventIds,
    String captureId,
    JsonNode context,
    ObjectNode event) {

  public EpcisRecord {
    requireNonNull(eventId, "eventId is null");
    requireNonNull(eventType, "eventType is null");
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(recordTime, "recordTime is null");
    epcs = List.copyOf(requireNonNull(epcs, "epcs is null"));
    custodyEventIds = List.copyOf(requireNonNull(custodyEventIds, "custodyEventIds is null"));
    requireNonNull(context, "context is null");
    requireNonNull(event, "event is null");
    custodyEventIds.forEach(id -> Identifiers.requireId(id, "custodyEventIds"));
  }

  /** Derives the indexed fields of an event (which must carry eventID, type and eventTime). */
  public static EpcisRecord of(
      ObjectNode event,
      JsonNode context,
      Instant recordTime,
      List<String> custodyEventIds,
      String captureId) {
    return new EpcisRecord(
        EpcisFields.text(event, "eventID"),
        EpcisFields.text(event, "type"),
        EpcisFields.eventTime(event),
        recordTime,
        EpcisFields.text(event, "action"),
        EpcisFields.bizStep(EpcisFields.text(event, "bizStep")),
        EpcisFields.disposition(EpcisFields.text(event, "disposition")),
        EpcisFields.id(event, "readPoint"),
        EpcisFields.id(event, "bizLocation"),
        EpcisFields.epcs(event),
        custodyEventIds,
        captureId,
        context,
        event);
  }

  /** An identifier an event names, and in which role (see {@link EpcisQuery.Match}). */
  public record EpcReference(String role, String epc) {
    public EpcReference {
      requireNonNull(role, "role is null");
      requireNonNull(epc, "epc is null");
    }
  }
}
