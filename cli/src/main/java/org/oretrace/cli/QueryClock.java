package org.oretrace.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times a series of queries by wall clock and by the CPU time of the calling thread, and counts
 * those during which the JVM collected garbage. A wall-clock tail on a machine shared with other
 * work, or in a heap of several gigabytes, is mostly waits for a core or for a collection; the
 * thread's CPU time and the count of interrupted queries say how much of the tail is the query's
 * own work.
 */
final class QueryClock {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private final long[] wall;
  private final long[] cpu;
  private int count;
  private int collected;
  private long startWall;
  private long startCpu;
  private long startCollections;

  QueryClock(int queries) {
    this.wall = new long[queries];
    this.cpu = new long[queries];
  }

  void start() {
    startCollections = collections();
    startCpu = threads.getCurrentThreadCpuTime();
    startWall = System.nanoTime();
  }

  void stop() {
    long endWall = System.nanoTime();
    long endCpu = threads.getCurrentThreadCpuTime();
    wall[count] = endWall - startWall;
    cpu[count] = endCpu - startCpu;
    count++;
    if (collections() != startCollections) {
      collected++;
    }
  }

  /** Wall-clock times of the queries so far, sorted. */
  long[] sortedWall() {
    long[] sorted = Arrays.copyOf(wall, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** The querying thread's CPU times of the queries so far, sorted. */
  long[] sortedCpu() {
    long[] sorted = Arrays.copyOf(cpu, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** One sentence: thread CPU p50 and p99, and how many queries a collection interrupted. */
  String cpuSummary() {
    long[] sorted = sortedCpu();
    return String.format(
        Locale.ROOT,
        "CPU of the querying thread p50 %s, p99 %s; %,d of %,d queries ran during a garbage"
            + " collection",
        TraceBenchmark.micros(TraceBenchmark.percentile(sorted, 50)),
        TraceBenchmark.micros(TraceBenchmark.percentile(sorted, 99)),
        collected,
        count);
  }

  private long collections() {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionCount());
    }
    return total;
  }
}
