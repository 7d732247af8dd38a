package org.oretrace.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineageIndexTest {

  private final LineageIndex index = new LineageIndex();

  @Test
  void storesEdgesWithTheirEndsMassAndLabel() {
    int edge = index.addEdge(0, 1, 2_500, 42);

    assertThat(edge).isZero();
    assertThat(index.edgeCount()).isEqualTo(1);
    assertThat(index.from(edge)).isZero();
    assertThat(index.to(edge)).isEqualTo(1);
    assertThat(index.massGrams(edge)).isEqualTo(2_500);
    assertThat(index.label(edge)).isEqualTo(42);
  }

  @Test
  void refusesNegativeLotsSelfLoopsAndUnknownEdges() {
    assertThatThrownBy(() -> index.addEdge(-1, 2, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot numbers must not be negative: -1 -> 2");
    assertThatThrownBy(() -> index.addEdge(3, 3, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a lot cannot flow into itself: 3");
    assertThatThrownBy(() -> index.from(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("no edge 0 (there are 0)");
    index.addEdge(0, 1, 1, 0);
    assertThatThrownBy(() -> index.massGrams(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> index.label(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aLotWithoutEdgesIsAnEndpointBothWays() {
    index.addEdge(0, 1, 1, 0);

    assertThat(index.isEndpoint(0, Direction.UPSTREAM)).isTrue();
    assertThat(index.isEndpoint(0, Direction.DOWNSTREAM)).isFalse();
    assertThat(index.isEndpoint(1, Direction.UPSTREAM)).isFalse();
    assertThat(index.isEndpoint(1, Direction.DOWNSTREAM)).isTrue();
    assertThat(index.isEndpoint(1_000_000, Direction.UPSTREAM)).isTrue();

    LineageIndex.Walk walk = index.walk(1_000_000, Direction.DOWNSTREAM);
    assertThat(walk.lots()).containsExactly(1_000_000);
    assertThat(walk.depths()).containsExactly(0);
    assertThat(walk.edges()).isEmpty();
  }

  @Test
  void walksADiamondVisitingTheJoinOnce() {
    index.addEdge(0, 1, 400, 0);
    index.addEdge(0, 2, 600, 0);
    index.addEdge(1, 3, 400, 1);
    index.addEdge(2, 3, 600, 1);

    LineageIndex.Walk down = index.walk(0, Direction.DOWNSTREAM);
    LineageIndex.Walk up = index.walk(3, Direction.UPSTREAM);

    assertThat(down.lots()).startsWith(0).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(down.depths()).containsExactly(0, 1, 1, 2);
    assertThat(down.edges()).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(up.lots()).startsWith(3).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(up.depths()).containsExactly(0, 1, 1, 2);
    assertThat(up.edges()).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void agreesWithANaiveBreadthFirstSearchOnRandomGraphs() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      LineageIndex graph = new LineageIndex();
      int nodes = 1 + random.nextInt(seed % 10 == 0 ? 3_000 : 60);
      int edges = random.nextInt(nodes * 3);
      List<int[]> edgeList = new ArrayList<>();
      for (int i = 0; i < edges && nodes > 1; i++) {
        // Mostly a DAG (lower to higher numbers, as lots are created), with some back edges so
        // that a cycle never makes the walk loop.
        int a = random.nextInt(nodes);
        int b = random.nextInt(nodes);
        if (a == b) {
          continue;
        }
        if (random.nextInt(10) > 0 && a > b) {
          int swap = a;
          a = b;
          b = swap;
        }
        graph.addEdge(a, b, random.nextInt(1_000), edgeList.size());
        edgeList.add(new int[] {a, b});
      }
      assertThat(graph.edgeCount()).isEqualTo(edgeList.size());
      for (int probe = 0; probe < 5; probe++) {
        int start = random.nextInt(nodes);
        for (Direction direction : Direction.values()) {
          checkWalk(graph, edgeList, start, direction, "seed " + seed);
        }
      }
    }
  }

  private static void checkWalk(
      LineageIndex graph, List<int[]> edgeList, int start, Direction direction, String where) {
    boolean upstream = direction == Direction.UPSTREAM;
    Map<Integer, List<Integer>> neighbours = new HashMap<>();
    for (int[] edge : edgeList) {
      int near = upstream ? edge[1] : edge[0];
      int far = upstream ? edge[0] : edge[1];
      neighbours.computeIfAbsent(near, key -> new ArrayList<>()).add(far);
    }
    Map<Integer, Integer> distances = new HashMap<>();
    distances.put(start, 0);
    Queue<Integer> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      int lot = queue.remove();
      for (int far : neighbours.getOrDefault(lot, List.of())) {
        if (!distances.containsKey(far)) {
          distances.put(far, distances.get(lot) + 1);
          queue.add(far);
        }
      }
    }
    List<Integer> expectedEdges = new ArrayList<>();
    for (int edge = 0; edge < edgeList.size(); edge++) {
      if (distances.containsKey(edgeList.get(edge)[upstream ? 1 : 0])) {
        expectedEdges.add(edge);
      }
    }

    LineageIndex.Walk walk = graph.walk(start, direction);

    assertThat(walk.lots()).as(where).startsWith(start).hasSize(distances.size());
    Map<Integer, Integer> walkedDepths = new HashMap<>();
    for (int i = 0; i < walk.lots().length; i++) {
      walkedDepths.put(walk.lots()[i], walk.depths()[i]);
    }
    assertThat(walkedDepths).as(where + ": depths").isEqualTo(distances);
    assertThat(walk.depths()).as(where + ": breadth-first order").isSorted();
    assertThat(Arrays.stream(walk.edges()).sorted().boxed().toList())
        .as(where + ": every edge once")
        .isEqualTo(expectedEdges);
    List<Integer> wrongEnds = new ArrayList<>();
    for (int edge : walk.edges()) {
      if (graph.from(edge) != edgeList.get(edge)[0]
          || graph.to(edge) != edgeList.get(edge)[1]
          || graph.label(edge) != edge) {
        wrongEnds.add(edge);
      }
    }
    assertThat(wrongEnds).as(where + ": edges with wrong ends or label").isEmpty();
  }

  @Test
  void aWalkAfterALargerOneStartsFromNothing() {
    for (int lot = 1; lot < 100_000; lot++) {
      index.addEdge(lot - 1, lot, 1, 0);
    }
    index.addEdge(200_000, 200_001, 5, 0);

    assertThat(index.walk(0, Direction.DOWNSTREAM).lots()).hasSize(100_000);
    for (int round = 0; round < 3; round++) {
      LineageIndex.Walk small = index.walk(200_001, Direction.UPSTREAM);
      assertThat(small.lots()).containsExactly(200_001, 200_000);
      assertThat(small.depths()).containsExactly(0, 1);
      assertThat(small.edges()).containsExactly(99_999);
    }
  }

  @Test
  void walksOnSeveralThreadsAtOnceGiveEachItsOwnAnswer() throws Exception {
    for (int lot = 1; lot < 2_000; lot++) {
      index.addEdge(lot - 1, lot, 1, 0);
    }
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int thread = 0; thread < 4; thread++) {
      int start = thread * 400;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int round = 0; round < 200; round++) {
                        assertThat(index.walk(start, Direction.UPSTREAM).lots())
                            .hasSize(start + 1)
                            .startsWith(start);
                      }
                    } catch (Throwable failure) {
                      failures.add(failure);
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
  }
}
