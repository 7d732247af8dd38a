package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.core.custody.EventFactory.part;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.oretrace.core.lineage.Direction;

/**
 * Smoke test of CustodyGraph's threading contract: one writer checks and applies batches while
 * readers trace; readers never fail and never see a half-applied batch.
 */
class CustodyGraphConcurrencyTest {

  private static final int CHAINS = 400;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void readersTraceConsistentlyWhileOneWriterApplies() throws Exception {
    FakeRegistry registry = FakeRegistry.standard();
    CustodyGraph graph = new CustodyGraph();
    EventFactory events = new EventFactory();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int reader = 0; reader < 2; reader++) {
        readers.add(pool.submit(() -> readUntilDone(graph, writing)));
      }
      // Each batch tags a lot and splits it in two, then merges the halves: a diamond of four
      // lots and four edges that a reader must see whole or not at all.
      for (int chain = 0; chain < CHAINS; chain++) {
        String root = "root-" + chain;
        graph.apply(
            graph.check(
                List.of(
                    events.tag(root, "T" + root, 1_000),
                    events.split(
                        root,
                        part(root + "/a", "A" + root, 400),
                        part(root + "/b", "B" + root, 600)),
                    events.merge(part(root + "/m", "M" + root, 1_000), root + "/a", root + "/b")),
                registry));
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
      }
      assertThat(graph.lotCount()).isEqualTo(CHAINS * 4);
      assertThat(graph.edgeCount()).isEqualTo(CHAINS * 4);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int readUntilDone(CustodyGraph graph, AtomicBoolean writing) {
    int traces = 0;
    int chain = 0;
    do {
      String root = "root-" + chain;
      var down = graph.trace(root, Direction.DOWNSTREAM);
      if (down.isPresent()) {
        assertThat(down.get().lots()).hasSize(4);
        assertThat(down.get().edges()).hasSize(4);
        assertThat(down.get().endpoints())
            .singleElement()
            .extracting(node -> node.lot().id())
            .isEqualTo(root + "/m");
        var up = graph.trace(root + "/m", Direction.UPSTREAM).orElseThrow();
        assertThat(up.endpoints())
            .singleElement()
            .extracting(node -> node.lot().id())
            .isEqualTo(root);
        assertThat(graph.liveLotByTag("M" + root)).isPresent();
        assertThat(graph.liveLotByTag("T" + root)).isEmpty();
        traces++;
        chain++;
      } else {
        chain = 0;
      }
    } while (writing.get() || chain < CHAINS);
    return traces;
  }
}
