package org.oretrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.store.Ledger;
import org.oretrace.store.jdbc.BenchmarkLedger;
import org.oretrace.store.ledger.LogKeyFile;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Times the stored Merkle log at sizes capture does not reach in minutes: a SQLite ledger of
 * synthetic leaves ({@link BenchmarkLedger}) is filled by the capture's append path in batches,
 * then inclusion and consistency proofs are asked of it through {@link Ledger}, as the API asks
 * them (a pooled reader connection, one indexed read per tile the readers' cache does not hold: the
 * leaf's own, at this size). Proofs go to random leaves of the full tree; each is verified against
 * the root after its clock stops, so a fast wrong answer fails the benchmark instead of flattering
 * it. Inclusion proofs are timed on the wall clock and on the thread's CPU clock: on a shared
 * machine the first shows the waits for a core, the second what a proof costs.
 */
final class LedgerBenchmark {

  record Result(
      long leaves,
      int batchSize,
      double fillSeconds,
      double fillCpuSeconds,
      long databaseBytes,
      long[] inclusionNanos,
      long[] inclusionCpuNanos,
      long[] consistencyNanos) {

    String line() {
      return String.format(
          Locale.ROOT,
          "ledger: leaves=%,d batch=%,d fill=%.1fs (%,.0f leaves/s, %,.0f per cpu-s) db=%,d MB"
              + " inclusion proofs=%,d p50=%s p99=%s max=%s (cpu p50=%s p99=%s)"
              + " consistency p50=%s p99=%s",
          leaves,
          batchSize,
          fillSeconds,
          leaves / fillSeconds,
          leaves / fillCpuSeconds,
          databaseBytes / 1_000_000,
          inclusionNanos.length,
          TraceBenchmark.micros(TraceBenchmark.percentile(inclusionNanos, 50)),
          TraceBenchmark.micros(TraceBenchmark.percentile(inclusionNanos, 99)),
          TraceBenchmark.micros(inclusionNanos[inclusionNanos.length - 1]),
          TraceBenchmark.micros(TraceBenchmark.percentile(inclusionCpuNanos, 50)),
          TraceBenchmark.micros(TraceBenchmark.percentile(inclusionCpuNanos, 99)),
          TraceBenchmark.micros(TraceBenchmark.percentile(consistencyNanos, 50)),
          TraceBenchmark.micros(TraceBenchmark.percentile(consistencyNanos, 99)));
    }
  }

  /**
   * Runs the benchmark in a temporary folder, deleted afterwards.
   *
   * @param progress told the number of leaves appended after each batch
   */
  static Result run(long leaves, int batchSize, int proofs, long seed, LongConsumer progress) {
    Path folder;
    try {
      folder = Files.createTempDirectory("oretrace-bench-ledger");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = folder.resolve("ledger.db");
    try (BenchmarkLedger benchmark =
        SqliteStore.openBenchmarkLedger(
            file,
            LogKeyFile.loadOrCreate(
                folder.resolve(LogKeyFile.FILE_NAME), LogKeyFile.DEFAULT_ORIGIN))) {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (long appended = 0; appended < leaves; ) {
        int count = (int) Math.min(batchSize, leaves - appended);
        benchmark.append(count);
        appended += count;
        progress.accept(appended);
      }
      double fillSeconds = (System.nanoTime() - start) / 1e9;
      double fillCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;

      Ledger ledger = benchmark.ledger();
      MerkleHash root = ledger.root(leaves);
      SplittableRandom random = new SplittableRandom(seed);
      int warmup = Math.min(1_000, proofs);
      for (int index = 0; index < warmup; index++) {
        var unused = ledger.inclusionProof(random.nextLong(leaves), leaves);
      }
      QueryClock inclusionClock = new QueryClock(proofs);
      for (int index = 0; index < proofs; index++) {
        long leaf = random.nextLong(leaves);
        inclusionClock.start();
        InclusionProof proof = ledger.inclusionProof(leaf, leaves);
        inclusionClock.stop();
        MerkleProofs.verifyInclusion(MerkleHash.ofLeaf(BenchmarkLedger.entry(leaf)), proof, root);
      }
      long[] consistency = new long[proofs];
      for (int index = 0; index < proofs; index++) {
        long from = 1 + random.nextLong(leaves);
        long proofStart = System.nanoTime();
        ConsistencyProof proof = ledger.consistencyProof(from, leaves);
        consistency[index] = System.nanoTime() - proofStart;
        MerkleProofs.verifyConsistency(proof, ledger.root(from), root);
      }
      Arrays.sort(consistency);
      return new Result(
          leaves,
          batchSize,
          fillSeconds,
          fillCpuSeconds,
          sizeOf(folder),
          inclusionClock.sortedWall(),
          inclusionClock.sortedCpu(),
          consistency);
    } finally {
      deleteQuietly(folder);
    }
  }

  private static long sizeOf(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
