package org.oretrace.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line for long jobs on standard error: redrawn in place on a terminal, printed every
 * few seconds otherwise (CI logs, pipes), always with a final summary line.
 */
final class Progress {

  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LOG_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastShown = 0;

  Progress(PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.terminal = System.console() != null;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (now - lastShown < (terminal ? REDRAW_NANOS : LOG_NANOS)) {
      return;
    }
    lastShown = now;
    out.print((terminal ? "\r" : "") + line(done, now) + (terminal ? "" : "\n"));
    out.flush();
  }

  void finish(long done) {
    out.print((terminal ? "\r" : "") + line(done, System.nanoTime()) + "\n");
    out.flush();
  }

  private String line(long done, long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    int width = 30;
    int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    return String.format(
        Locale.ROOT,
        "  %s [%s] %,d / %,d  %3d%%  %,.0f/s  %.1f s",
        label,
        bar,
        done,
        total,
        total <= 0 ? 100 : done * 100 / total,
        done / seconds,
        seconds);
  }
}
