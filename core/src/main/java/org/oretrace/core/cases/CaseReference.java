package org.oretrace.core.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.oretrace.core.registry.Identifiers;

/**
 * A note or a pointer to evidence attached to a case, with who attached it and when: references are
 * only ever added, so a case keeps everything that was put in it.
 *
 * @param value the note's text, or the id (lot, actor, alert) or SHA-256 (evidence) referred to
 * @param addedBy the organisation whose token added it
 */
public record CaseReference(ReferenceKind kind, String value, String addedBy, Instant addedAt) {

  /** The longest note accepted. */
  public static final int MAX_NOTE_LENGTH = 4000;

  public CaseReference {
    requireNonNull(kind, "kind is null");
    requireNonNull(value, "value is null");
    requireNonNull(addedBy, "addedBy is null");
    requireNonNull(addedAt, "addedAt is null");
    requireValid(kind, value);
  }

  /**
   * @throws IllegalArgumentException when the value does not fit its kind
   */
  public static void requireValid(ReferenceKind kind, String value) {
    switch (kind) {
      case NOTE -> {
        if (value.isBlank() || value.length() > MAX_NOTE_LENGTH) {
          throw new IllegalArgumentException(
              "a note must be 1 to " + MAX_NOTE_LENGTH + " characters, not blank");
        }
      }
      case EVIDENCE -> {
        if (!value.matches("[0-9a-f]{64}")) {
          throw new IllegalArgumentException(
              "an evidence reference is the file's SHA-256: 64 lower-case hex digits");
        }
      }
      case LOT, ACTOR, ALERT -> Identifiers.requireId(value, kind.wireName());
    }
  }
}
