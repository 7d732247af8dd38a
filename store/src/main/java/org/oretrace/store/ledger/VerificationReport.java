package org.oretrace.store.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link LedgerVerifier} found: how many events, records and log entries it compared and every
 * discrepancy, in position order. No finding means the stored events and records are exactly those
 * the log and its signed checkpoint commit to.
 *
 * @param events number of stored events read
 * @param records number of records (registry changes, owner changes, case actions) read
 * @param logSize number of entries in the stored log
 * @param checkpointSize size of the latest signed checkpoint, or -1 if it could not be read
 * @param findings every discrepancy
 */
public record VerificationReport(
    long events, long records, long logSize, long checkpointSize, List<Finding> findings) {

  public VerificationReport {
    findings = List.copyOf(requireNonNull(findings, "findings is null"));
  }

  /** Whether the ledger verified. */
  public boolean ok() {
    return findings.isEmpty();
  }

  /** The kinds of discrepancy. */
  public enum Kind {
    /** A stored event or record differs from the entry logged at its position. */
    CHANGED,
    /** An entry of the log has no stored event or record any more. */
    REMOVED,
    /**
     * A stored event or record is not in the log, or a stored row (a site, an actor, an audit, an
     * owner change, a case action) is logged by no record: it was written behind the application.
     */
    INSERTED,
    /** A stored event or record is in the log, but at another position (reordered). */
    MOVED,
    /** A stored interior node of the tree differs from the one recomputed from the events. */
    NODE,
    /** The checkpoint is unsigned, badly signed, or commits to another tree. */
    CHECKPOINT
  }

  /**
   * One discrepancy.
   *
   * @param position the event's position (sequence number, leaf index), or -1 for the whole log
   * @param kind what is wrong
   * @param message a sentence for a person
   */
  public record Finding(long position, Kind kind, String message) {
    public Finding {
      requireNonNull(kind, "kind is null");
      requireNonNull(message, "message is null");
      if (position < -1) {
        throw new IllegalArgumentException("position must be -1 or more, got " + position);
      }
    }

    @Override
    public String toString() {
      return (position >= 0 ? "position " + position + ": " : "") + kind + ": " + message;
    }
  }
}
