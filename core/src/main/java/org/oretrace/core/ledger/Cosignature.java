package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A witness's cosignature of a checkpoint, C2SP tlog-cosignature {@code cosignature/v1}: an Ed25519
 * signature over
 *
 * <pre>
 * cosignature/v1
 * time &lt;seconds since the epoch&gt;
 * &lt;the checkpoint's note body&gt;
 * </pre>
 *
 * carried as a signed-note signature line {@code — <witness name> <base64(key hash (4 bytes) ||
 * timestamp (8 bytes, big-endian) || signature (64 bytes))>}. It says that the witness saw this
 * checkpoint at that time and that it extends every checkpoint the witness cosigned before.
 *
 * @param keyName the witness key's name
 * @param keyHash the witness key's hash
 * @param timestamp seconds since the epoch when the witness cosigned
 * @param signature the 64-byte Ed25519 signature
 */
public record Cosignature(String keyName, int keyHash, long timestamp, byte[] signature) {

  private static final String LINE_PREFIX = "\u2014 ";
  private static final int ENCODED_LENGTH = 4 + 8 + Ed25519.SIGNATURE_LENGTH;

  public Cosignature {
    NoteText.checkKeyName(requireNonNull(keyName, "keyName is null"));
    requireNonNull(signature, "signature is null");
    if (signature.length != Ed25519.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("a cosignature is 64 bytes, got " + signature.length);
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must not be negative");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Cosigns {@code checkpointBody} (a checkpoint note's body) at {@code timestamp} seconds. */
  public static Cosignature sign(String checkpointBody, WitnessKey key, long timestamp) {
    requireNonNull(key, "key is null");
    return new Cosignature(
        key.name(), key.keyHash(), timestamp, key.sign(message(checkpointBody, timestamp)));
  }

  /** The signed message for a checkpoint body at a time. */
  static byte[] message(String checkpointBody, long timestamp) {
    requireNonNull(checkpointBody, "checkpointBody is null");
    return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether this is {@code key}'s valid cosignature of {@code checkpointBody}. */
  public boolean verifies(String checkpointBody, WitnessKey key) {
    return key.name().equals(keyName)
        && key.keyHash() == keyHash
        && key.verifies(message(checkpointBody, timestamp), signature);
  }

  /** As a signed note's signature, to carry in a checkpoint after the log's own. */
  public SignedNote.Signature toNoteSignature() {
    return new SignedNote.Signature(keyName, encoded());
  }

  /** The signature line, {@code — name base64}, without a newline. */
  public String toLine() {
    return LINE_PREFIX + keyName + " " + encoded();
  }

  private String encoded() {
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(ENCODED_LENGTH)
                .putInt(keyHash)
                .putLong(timestamp)
                .put(signature)
                .array());
  }

  /** Reads a signed note's signature as a cosignature, or throws if it is not shaped as one. */
  public static Cosignature of(SignedNote.Signature noteSignature) {
    byte[] bytes = VerifierKey.decodeBase64(noteSignature.encodedSignature(), "cosignature");
    if (bytes.length != ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "a cosignature/v1 signature is " + ENCODED_LENGTH + " bytes, got " + bytes.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int hash = buffer.getInt();
    long timestamp = buffer.getLong();
    return new Cosignature(
        noteSignature.keyName(), hash, timestamp, Arrays.copyOfRange(bytes, 12, bytes.length));
  }

  /** Parses a signature line {@code — name base64}. */
  public static Cosignature parseLine(String line) {
    requireNonNull(line, "line is null");
    String text = line.strip();
    if (!text.startsWith(LINE_PREFIX)) {
      throw new IllegalArgumentException("a cosignature line starts with an em dash and a space");
    }
    String[] parts = text.substring(LINE_PREFIX.length()).split(" ", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a cosignature line is '— <name> <base64>'");
    }
    return of(new SignedNote.Signature(parts[0], parts[1]));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cosignature that
        && keyName.equals(that.keyName)
        && keyHash == that.keyHash
        && timestamp == that.timestamp
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return keyHash;
  }

  @Override
  public String toString() {
    return toLine();
  }
}
