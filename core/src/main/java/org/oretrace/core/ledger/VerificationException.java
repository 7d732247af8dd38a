package org.oretrace.core.ledger;

/**
 * Evidence failed to verify: a Merkle proof that does not lead to the claimed root, or a signed
 * note without a valid signature from a trusted key.
 *
 * <p>Malformed input (bad base64, a hash of the wrong length, a note that does not parse) is an
 * {@link IllegalArgumentException} instead; this exception means the input was well formed but does
 * not prove what it claims.
 */
public final class VerificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }
}
