package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.registry.Identifiers;

/**
 * What every custody event records besides its own facts: its id, when it happened (with the local
 * offset, as EPCIS keeps it), where, which actor performed it and which device or user recorded it.
 */
public record EventContext(
    String id, OffsetDateTime time, GeoPoint place, String actorId, String recordedBy) {

  public EventContext {
    Identifiers.requireId(id, "id");
    requireNonNull(time, "time is null");
    requireNonNull(place, "place is null");
    Identifiers.requireId(actorId, "actor");
    requireNonNull(recordedBy, "recordedBy is null");
    if (recordedBy.isBlank()) {
      throw new IllegalArgumentException("recordedBy is blank");
    }
  }

  public Instant instant() {
    return time.toInstant();
  }
}
