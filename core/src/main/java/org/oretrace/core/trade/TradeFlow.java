package org.oretrace.core.trade;

import java.util.Locale;

/** The direction of a line of trade statistics, as the reporting country sees it. */
public enum TradeFlow {
  EXPORT,
  IMPORT;

  /** "export" or "import". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "export"/"import", Comtrade's "X"/"M", and their case and plural variants. */
  public static TradeFlow parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (trimmed) {
      case "export", "exports", "x" -> EXPORT;
      case "import", "imports", "m" -> IMPORT;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a trade flow; use export or import (Comtrade's X or M)");
    };
  }
}
