package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import org.oretrace.core.registry.Identifiers;

/**
 * "massGrams of lot {@code fromLotId} went into lot {@code toLotId}" by a split, merge or process.
 */
public record LineageEdge(
    String fromLotId, String toLotId, long massGrams, String eventId, EventType eventType) {

  public LineageEdge {
    Identifiers.requireId(fromLotId, "fromLot");
    Identifiers.requireId(toLotId, "toLot");
    Masses.requireNonNegative(massGrams, "massGrams");
    Identifiers.requireId(eventId, "event");
    requireNonNull(eventType, "eventType is null");
  }
}
