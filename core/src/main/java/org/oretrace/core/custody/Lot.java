package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.oretrace.core.Grade;
import org.oretrace.core.registry.Identifiers;
import org.oretrace.core.registry.Mineral;

/**
 * The current state of a lot: a bag or batch of one mineral, identified by a stable id and a human
 * tag number (the ICGLR lotNumber).
 *
 * @param grade the latest known grade, or null when never assayed nor declared
 * @param originSiteId the mine site it was tagged at, or null for a lot mixed from several sites
 *     (its origins are found by tracing it upstream)
 * @param createdAt when the event that created it happened
 * @param updatedAt when the latest event on it happened
 */
public record Lot(
    String id,
    String tagNumber,
    Mineral mineral,
    long massGrams,
    Grade grade,
    String originSiteId,
    String holderId,
    LotState state,
    Instant createdAt,
    Instant updatedAt) {

  public Lot {
    Identifiers.requireId(id, "id");
    Identifiers.requireId(tagNumber, "tagNumber");
    requireNonNull(mineral, "mineral is null");
    Masses.requireNonNegative(massGrams, "massGrams");
    Identifiers.requireId(holderId, "holder");
    requireNonNull(state, "state is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  public String harmonizedSystemCode() {
    return mineral.harmonizedSystemCode();
  }
}
