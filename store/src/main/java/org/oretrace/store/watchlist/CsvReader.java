package org.oretrace.store.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;

/**
 * A small RFC 4180 reader: comma-separated fields, optionally in double quotes, a doubled quote
 * inside quotes for a quote, line breaks allowed inside quotes. Reads through a buffer of its own
 * so a large file is one pass with no regular expressions. Records that are only a control
 * character (OFAC ends its files with an SUB, 0x1A) are skipped. An unterminated quote is an error
 * naming the line where the record began.
 */
public final class CsvReader {

  private final Reader reader;
  private final String fileName;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private int line = 1;
  private int recordLine;

  public CsvReader(Reader reader, String fileName) {
    this.reader = reader;
    this.fileName = fileName;
  }

  /** The line on which the last record returned began. */
  public int recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    while (true) {
      int first = peek();
      if (first < 0) {
        return null;
      }
      if (first == '\n' || first == '\r' || first == 0x1A) {
        read();
        continue;
      }
      break;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>(12);
    StringBuilder field = new StringBuilder(32);
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      int character = read();
      if (character < 0) {
        if (quoted) {
          throw new InvalidInputException(
              Violation.of(
                  recordLine,
                  fileName,
                  "line "
                      + recordLine
                      + ": a quoted field is not closed before the end of the file"));
        }
        fields.add(field.toString());
        return fields;
      }
      if (quoted) {
        if (character == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          field.append((char) character);
        }
      } else if (character == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (character == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (character == '\n' || character == '\r') {
        if (character == '\r' && peek() == '\n') {
          read();
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) character);
      }
    }
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    char character = buffer[position++];
    if (character == '\n') {
      line++;
    }
    return character;
  }

  private boolean fill() throws IOException {
    int read = reader.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }
}
