package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Evidence files (photos, weighing slips, lab certificates) stored by the SHA-256 of their bytes,
 * which is also how events refer to them ({@code evidence} in docs/events.md). Content addressing
 * makes storing idempotent and tampering evident: a file whose bytes no longer hash to its name is
 * not served.
 */
public interface EvidenceStore {

  /** The largest file accepted. */
  long MAX_BYTES = 32L * 1024 * 1024;

  /**
   * Stores the bytes, durable when this returns; storing the same bytes again changes nothing.
   *
   * @param mediaType what the uploader said the file is, e.g. image/jpeg
   */
  EvidenceFile put(byte[] content, String mediaType);

  Optional<EvidenceFile> describe(String sha256);

  /**
   * The file's bytes, or empty when it is unknown.
   *
   * @throws StoreException when the stored bytes no longer match their digest
   */
  Optional<byte[]> read(String sha256);

  /** A stored evidence file. */
  record EvidenceFile(String sha256, long sizeBytes, String mediaType, Instant storedAt) {
    public EvidenceFile {
      requireNonNull(sha256, "sha256 is null");
      requireNonNull(mediaType, "mediaType is null");
      requireNonNull(storedAt, "storedAt is null");
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
      }
      if (sizeBytes < 0) {
        throw new IllegalArgumentException("sizeBytes is negative");
      }
    }
  }
}
