package org.oretrace.store.ledger;

import java.util.Arrays;

/**
 * The growing byte buffer the canonical writers write into. The fields are open to the subclasses
 * so that their hot loops (a string's bytes, a number's digits) write the array directly.
 */
abstract class ByteOutput {

  byte[] buffer;
  int length;

  ByteOutput(int capacity) {
    buffer = new byte[capacity];
  }

  /** What was written. */
  final byte[] written() {
    return Arrays.copyOf(buffer, length);
  }

  /** Appends a text known to be ASCII, one byte a character. */
  final void appendAscii(String text) {
    int count = text.length();
    ensure(count);
    for (int i = 0; i < count; i++) {
      buffer[length++] = (byte) text.charAt(i);
    }
  }

  final void append(byte value) {
    ensure(1);
    buffer[length++] = value;
  }

  final void append(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  /** Makes room for {@code more} bytes. */
  final void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
