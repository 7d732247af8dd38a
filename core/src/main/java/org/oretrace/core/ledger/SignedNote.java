package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A note signed in the C2SP signed-note format: a body of text lines, a blank line, then one line
 * per signature, {@code — <key name> <base64(4-byte key hash || signature)>} (an em dash U+2014 and
 * a space first).
 *
 * <p>What is signed is the body's UTF-8 bytes, final newline included. Parsing is strict: the note
 * must end in a newline, the signatures follow the last blank line, every signature line must be
 * well formed and there must be between 1 and {@value #MAX_SIGNATURES} of them. A parsed note
 * proves nothing until {@link #verify} has checked it against keys the caller trusts; signatures by
 * other keys are carried along and ignored there, as the format requires, so witnesses can add
 * theirs.
 *
 * @param body the signed text, ending in a newline
 * @param signatures the signatures, in note order
 */
public record SignedNote(String body, List<Signature> signatures) {

  static final int MAX_SIGNATURES = 100;
  private static final String SIGNATURE_PREFIX = "\u2014 ";

  public SignedNote {
    requireNonNull(body, "body is null");
    signatures = List.copyOf(requireNonNull(signatures, "signatures is null"));
    if (body.isEmpty() || !body.endsWith("\n")) {
      throw new IllegalArgumentException("note body must be non-empty and end with a newline");
    }
    NoteText.checkText(body, "note body");
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one signature");
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "a note may carry at most " + MAX_SIGNATURES + " signatures, got " + signatures.size());
    }
  }

  /**
   * One signature line.
   *
   * @param keyName the name of the signing key
   * @param encodedSignature base64 of the 4-byte key hash followed by the signature bytes
   */
  public record Signature(String keyName, String encodedSignature) {

    public Signature {
      NoteText.checkKeyName(requireNonNull(keyName, "keyName is null"));
      requireNonNull(encodedSignature, "encodedSignature is null");
      if (VerifierKey.decodeBase64(encodedSignature, "signature").length < 5) {
        throw new IllegalArgumentException("signature of " + keyName + " is too short");
      }
    }

    /** The key hash the signature names. */
    public int keyHash() {
      byte[] decoded = VerifierKey.decodeBase64(encodedSignature, "signature");
      return ByteBuffer.wrap(decoded).getInt();
    }

    byte[] signatureBytes() {
      byte[] decoded = VerifierKey.decodeBase64(encodedSignature, "signature");
      return Arrays.copyOfRange(decoded, 4, decoded.length);
    }

    String line() {
      return SIGNATURE_PREFIX + keyName + " " + encodedSignature + "\n";
    }
  }

  /** Signs {@code body} with {@code key}. */
  public static SignedNote sign(String body, LogKey key) {
    requireNonNull(body, "body is null");
    requireNonNull(key, "key is null");
    NoteText.checkText(body, "note body");
    byte[] signature = key.sign(body.getBytes(StandardCharsets.UTF_8));
    byte[] encoded =
        ByteBuffer.allocate(4 + signature.length)
            .putInt(key.verifierKey().keyHash())
            .put(signature)
            .array();
    return new SignedNote(
        body, List.of(new Signature(key.name(), Base64.getEncoder().encodeToString(encoded))));
  }

  /** Parses a signed note's text; checks its form, not its signatures. */
  public static SignedNote parse(String note) {
    requireNonNull(note, "note is null");
    if (!note.endsWith("\n")) {
      throw new IllegalArgumentException("malformed note: it must end with a newline");
    }
    int blankLine = note.lastIndexOf("\n\n");
    if (blankLine < 0) {
      throw new IllegalArgumentException("malformed note: no blank line before the signatures");
    }
    String body = note.substring(0, blankLine + 1);
    String block = note.substring(blankLine + 2);
    List<Signature> signatures = new ArrayList<>();
    int lineStart = 0;
    while (lineStart < block.length()) {
      int lineEnd = block.indexOf('\n', lineStart);
      String line = block.substring(lineStart, lineEnd);
      lineStart = lineEnd + 1;
      if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw new IllegalArgumentException(
            "malformed note: signature line does not start with an em dash and a space: \""
                + line
                + "\"");
      }
      String rest = line.substring(SIGNATURE_PREFIX.length());
      int space = rest.indexOf(' ');
      if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
        throw new IllegalArgumentException(
            "malformed note: signature line is not \"— <name> <signature>\": \"" + line + "\"");
      }
      if (signatures.size() == MAX_SIGNATURES) {
        throw new IllegalArgumentException(
            "malformed note: more than " + MAX_SIGNATURES + " signatures");
      }
      try {
        signatures.add(new Signature(rest.substring(0, space), rest.substring(space + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed note: " + e.getMessage(), e);
      }
    }
    return new SignedNote(body, signatures);
  }

  /** The note as text: body, blank line, signature lines. */
  public String serialize() {
    StringBuilder text = new StringBuilder(body.length() + 1 + 120 * signatures.size());
    text.append(body).append('\n');
    for (Signature signature : signatures) {
      text.append(signature.line());
    }
    return text.toString();
  }

  /**
   * Checks the signatures by {@code trustedKeys} and returns the keys that signed.
   *
   * @throws VerificationException if a signature naming a trusted key (its name and key hash) is
   *     invalid, or no trusted key signed
   */
  public List<VerifierKey> verify(List<VerifierKey> trustedKeys) {
    requireNonNull(trustedKeys, "trustedKeys is null");
    byte[] message = body.getBytes(StandardCharsets.UTF_8);
    List<VerifierKey> signers = new ArrayList<>();
    for (Signature signature : signatures) {
      for (VerifierKey key : trustedKeys) {
        if (key.name().equals(signature.keyName()) && key.keyHash() == signature.keyHash()) {
          if (!key.verifies(message, signature.signatureBytes())) {
            throw new VerificationException("invalid signature by " + signature.keyName());
          }
          if (!signers.contains(key)) {
            signers.add(key);
          }
        }
      }
    }
    if (signers.isEmpty()) {
      List<String> names = signatures.stream().map(Signature::keyName).toList();
      throw new VerificationException("note is not signed by a trusted key; signed by " + names);
    }
    return List.copyOf(signers);
  }
}
