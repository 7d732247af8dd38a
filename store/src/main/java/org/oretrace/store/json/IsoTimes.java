package org.oretrace.store.json;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO 8601 times with offset, read and written as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * does, with a fast path for the shape every event's time has.
 *
 * <p>Why: the JDK's formatter is general (optional sections, case-insensitive parsing, a resolver),
 * and on capture parsing each event's time took about 6% of the CPU. Here a text of exactly the
 * shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)} is read digit by digit and built with
 * {@link OffsetDateTime#of}; anything else, and any value {@code of} refuses (a 30 February, an
 * hour 24, an offset beyond 18 hours), goes to the JDK's parser, so what is accepted, its value and
 * the error for what is not are the JDK's. Writing likewise handles years 0 to 9999 and
 * whole-minute offsets itself and hands the rest to the JDK. {@code IsoTimesTest} compares both
 * with the JDK on many generated times and texts.
 */
public final class IsoTimes {

  private IsoTimes() {}

  /** {@code OffsetDateTime.parse(text)}, faster for the usual shape. */
  public static OffsetDateTime parse(String text) {
    OffsetDateTime fast = parseUsualShape(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  /** The most bytes {@link #format(OffsetDateTime, byte[], int)} writes. */
  public static final int MAX_USUAL_LENGTH = 35;

  /** {@code time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)}, faster for the usual values. */
  public static String format(OffsetDateTime time) {
    byte[] out = new byte[MAX_USUAL_LENGTH];
    int end = format(time, out, 0);
    return end < 0
        ? time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        : new String(out, 0, end, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes what {@link #format(OffsetDateTime)} returns as ASCII bytes into {@code out} from {@code
   * offset}, which must leave room for {@link #MAX_USUAL_LENGTH} bytes, and returns where the text
   * ends; or writes nothing and returns -1 for a time the JDK must format (a year beyond 0 to 9999,
   * an offset with seconds). The canonical ledger writer puts times straight into its buffer so.
   */
  public static int format(OffsetDateTime time, byte[] out, int offset) {
    int year = time.getYear();
    int offsetSeconds = time.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
      return -1;
    }
    int at = digits(out, offset, year, 4);
    out[at++] = '-';
    at = digits(out, at, time.getMonthValue(), 2);
    out[at++] = '-';
    at = digits(out, at, time.getDayOfMonth(), 2);
    out[at++] = 'T';
    at = digits(out, at, time.getHour(), 2);
    out[at++] = ':';
    at = digits(out, at, time.getMinute(), 2);
    out[at++] = ':';
    at = digits(out, at, time.getSecond(), 2);
    int nano = time.getNano();
    if (nano != 0) {
      int width = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        width--;
      }
      out[at++] = '.';
      at = digits(out, at, nano, width);
    }
    if (offsetSeconds == 0) {
      out[at++] = 'Z';
    } else {
      int minutes = Math.abs(offsetSeconds) / 60;
      out[at++] = (byte) (offsetSeconds < 0 ? '-' : '+');
      at = digits(out, at, minutes / 60, 2);
      out[at++] = ':';
      at = digits(out, at, minutes % 60, 2);
    }
    return at;
  }

  /** Writes {@code value} as {@code width} digits, zero-padded, and returns where they end. */
  private static int digits(byte[] out, int offset, int value, int width) {
    for (int position = offset + width - 1; position >= offset; position--) {
      out[position] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return offset + width;
  }

  /** The time, or null when the text is not of the usual shape or its fields are out of range. */
  private static OffsetDateTime parseUsualShape(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int position = 19;
    int nano = 0;
    if (text.charAt(position) == '.') {
      position++;
      int start = position;
      while (position < length && position - start < 10 && isDigit(text.charAt(position))) {
        nano = nano * 10 + (text.charAt(position) - '0');
        position++;
      }
      int count = position - start;
      if (count == 0 || count > 9) {
        return null;
      }
      for (int i = count; i < 9; i++) {
        nano *= 10;
      }
    }
    ZoneOffset offset;
    if (position == length - 1 && text.charAt(position) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (position == length - 6
        && (text.charAt(position) == '+' || text.charAt(position) == '-')
        && text.charAt(position + 3) == ':') {
      int hours = number(text, position + 1, 2);
      int minutes = number(text, position + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = text.charAt(position) == '-' ? -1 : 1;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number of {@code count} digits from {@code start}, or -1 if one is not a digit. */
  private static int number(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
