package org.oretrace.store.field;

import static java.util.Objects.requireNonNull;

/**
 * A signed batch refused as a whole for who sent it rather than what it says: an unknown or revoked
 * device, a signature that does not verify (the batch was altered after signing or signed with
 * another key), or a batch id already used for different content. Nothing was written.
 */
public final class FieldBatchRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the batch was refused. */
  public enum Reason {
    UNKNOWN_DEVICE,
    REVOKED_DEVICE,
    BAD_SIGNATURE,
    BATCH_ID_REUSED
  }

  private final Reason reason;

  public FieldBatchRefusedException(Reason reason, String message) {
    super(requireNonNull(message, "message is null"));
    this.reason = requireNonNull(reason, "reason is null");
  }

  public Reason reason() {
    return reason;
  }
}
