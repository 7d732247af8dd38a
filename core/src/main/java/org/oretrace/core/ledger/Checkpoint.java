package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

/**
 * A log checkpoint in the C2SP tlog-checkpoint format: the log's origin, a tree size and the root
 * of the tree of that size. Signed as the body of a {@link SignedNote}, it is the log's commitment
 * that every later state extends this one.
 *
 * <p>The body is exactly {@code <origin>\n<size>\n<base64 root>\n}. Extension lines, which the
 * format allows after the root, are not used by Oretrace and are rejected when parsing, so a
 * checkpoint has one body text and one meaning.
 *
 * @param origin the log's unique name, conventionally a schema-less URL
 * @param size number of leaves in the tree
 * @param rootHash root of the tree of {@code size} leaves
 */
public record Checkpoint(String origin, long size, MerkleHash rootHash) {

  public Checkpoint {
    requireNonNull(origin, "origin is null");
    requireNonNull(rootHash, "rootHash is null");
    if (origin.isEmpty()) {
      throw new IllegalArgumentException("origin must not be empty");
    }
    if (origin.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("origin must be a single line");
    }
    NoteText.checkText(origin, "origin");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, got " + size);
    }
  }

  /** Parses a checkpoint body, such as {@link SignedNote#body()}. */
  public static Checkpoint fromNoteBody(String body) {
    requireNonNull(body, "body is null");
    if (!body.endsWith("\n")) {
      throw new IllegalArgumentException("checkpoint body must end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new IllegalArgumentException(
          "checkpoint body has " + lines.length + " lines, needs origin, size and root hash");
    }
    if (lines.length > 3) {
      throw new IllegalArgumentException("checkpoint extension lines are not supported");
    }
    String sizeText = lines[1];
    if (!sizeText.matches("0|[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException(
          "checkpoint size must be a decimal number without leading zeros, got \""
              + sizeText
              + "\"");
    }
    long size;
    try {
      size = Long.parseLong(sizeText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint size is too large: " + sizeText, e);
    }
    return new Checkpoint(lines[0], size, MerkleHash.fromBase64(lines[2]));
  }

  /** The body to sign: {@code <origin>\n<size>\n<base64 root>\n}. */
  public String toNoteBody() {
    return origin + "\n" + size + "\n" + rootHash.toBase64() + "\n";
  }
}
