package org.oretrace.stream;

/** Kafka could not be reached or refused what Oretrace asked of it. */
public final class StreamException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StreamException(String message, Throwable cause) {
    super(message, cause);
  }

  public StreamException(String message) {
    super(message);
  }
}
