package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.registry.Identifiers;

/**
 * What every custody event records besides its own facts: its id, when it happened (with the local
 * offset, as EPCIS keeps it), where, which actor performed it, which device or user recorded it,
 * and the evidence (photos, weighing slips) it refers to by SHA-256, so that the ledger entry of
 * the event commits to those files too.
 *
 * @param evidence SHA-256 digests of evidence files, 64 lower-case hex digits each; empty for none
 */
public record EventContext(
    String id,
    OffsetDateTime time,
    GeoPoint place,
    String actorId,
    String recordedBy,
    List<String> evidence) {

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** A context without evidence. */
  public EventContext(
      String id, OffsetDateTime time, GeoPoint place, String actorId, String recordedBy) {
    this(id, time, place, actorId, recordedBy, List.of());
  }

  public EventContext {
    Identifiers.requireId(id, "id");
    requireNonNull(time, "time is null");
    requireNonNull(place, "place is null");
    Identifiers.requireId(actorId, "actor");
    requireNonNull(recordedBy, "recordedBy is null");
    if (recordedBy.isBlank()) {
      throw new IllegalArgumentException("recordedBy is blank");
    }
    evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    for (String digest : evidence) {
      if (!SHA_256_HEX.matcher(digest).matches()) {
        throw new IllegalArgumentException(
            "evidence must be SHA-256 digests in 64 lower-case hex digits, got \"" + digest + "\"");
      }
    }
    if (evidence.size() > 1 && evidence.stream().distinct().count() != evidence.size()) {
      throw new IllegalArgumentException("evidence lists a digest twice");
    }
  }

  public Instant instant() {
    return time.toInstant();
  }
}
