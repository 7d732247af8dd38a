package org.oretrace.store;

/**
 * A cosignature came from a witness key the log's operator has not accepted ({@code oretrace
 * witness add}, {@code serve --witness-key}): nothing was stored. Distinct from a cosignature that
 * does not verify, since the submission may be well formed; the server answers 403.
 */
public final class UnknownWitnessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownWitnessException(String witnessName) {
    super(
        "the witness "
            + witnessName
            + " is not one this log accepts cosignatures from; the operator adds it with"
            + " oretrace witness add");
  }
}
