package org.oretrace.core.lineage;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The lineage of lots: a directed graph whose nodes are lots (dense ints assigned by the caller in
 * creation order) and whose edges say "mass m of lot a went into lot b" (a split, merge or
 * processing step).
 *
 * <p>Layout: a forward-star (linked adjacency in parallel primitive arrays). Every edge is stored
 * once, with its ends, its mass and an opaque int label; each node keeps the head of its outgoing
 * and of its incoming edge chain, and each edge the next edge in both chains. Appending an edge is
 * O(1) with no allocation beyond amortised array growth, which suits a graph that only grows as
 * batches arrive; a trace is a breadth-first walk touching only the edges it returns. At 10 million
 * lots and edges this is about 40 bytes an edge and 8 a node, against several hundred for an object
 * per edge. Compressed sparse rows would be smaller and faster to scan but need a rebuild per
 * append.
 *
 * <p>Not thread-safe: the owner serialises writes and guards reads (see CustodyGraph).
 */
public final class LineageIndex {

  private static final int NONE = -1;

  private int[] firstOutgoing = new int[1024];
  private int[] firstIncoming = new int[1024];
  private int nodeCapacity = 0;

  private int[] edgeFrom = new int[1024];
  private int[] edgeTo = new int[1024];
  private long[] edgeMassGrams = new long[1024];
  private int[] edgeLabel = new int[1024];
  private int[] nextOutgoing = new int[1024];
  private int[] nextIncoming = new int[1024];
  private int edgeCount = 0;

  public LineageIndex() {
    Arrays.fill(firstOutgoing, NONE);
    Arrays.fill(firstIncoming, NONE);
  }

  public int edgeCount() {
    return edgeCount;
  }

  /** Adds the edge "massGrams of lot {@code from} went into lot {@code to}"; returns its number. */
  public int addEdge(int from, int to, long massGrams, int label) {
    if (from < 0 || to < 0) {
      throw new IllegalArgumentException("lot numbers must not be negative: " + from + " -> " + to);
    }
    if (from == to) {
      throw new IllegalArgumentException("a lot cannot flow into itself: " + from);
    }
    ensureNodes(Math.max(from, to) + 1);
    ensureEdges(edgeCount + 1);
    int edge = edgeCount++;
    edgeFrom[edge] = from;
    edgeTo[edge] = to;
    edgeMassGrams[edge] = massGrams;
    edgeLabel[edge] = label;
    nextOutgoing[edge] = firstOutgoing[from];
    firstOutgoing[from] = edge;
    nextIncoming[edge] = firstIncoming[to];
    firstIncoming[to] = edge;
    return edge;
  }

  public int from(int edge) {
    return edgeFrom[checkEdge(edge)];
  }

  public int to(int edge) {
    return edgeTo[checkEdge(edge)];
  }

  public long massGrams(int edge) {
    return edgeMassGrams[checkEdge(edge)];
  }

  public int label(int edge) {
    return edgeLabel[checkEdge(edge)];
  }

  /** True when the lot has no parents (upstream) or no children (downstream). */
  public boolean isEndpoint(int lot, Direction direction) {
    if (lot >= nodeCapacity) {
      return true;
    }
    return (direction == Direction.UPSTREAM ? firstIncoming[lot] : firstOutgoing[lot]) == NONE;
  }

  /**
   * Walks breadth-first from a lot in one direction and returns every lot reached (the start first)
   * with its distance, and every edge crossed, each once.
   */
  public Walk walk(int start, Direction direction) {
    Scratch scratch = Scratch.take();
    try {
      IntArrayList lots = scratch.lots;
      IntArrayList depths = scratch.depths;
      IntArrayList edges = scratch.edges;
      IntOpenHashSet seen = scratch.seen;
      lots.add(start);
      depths.add(0);
      seen.add(start);
      boolean upstream = direction == Direction.UPSTREAM;
      for (int cursor = 0; cursor < lots.size(); cursor++) {
        int lot = lots.getInt(cursor);
        if (lot >= nodeCapacity) {
          continue;
        }
        int depth = depths.getInt(cursor) + 1;
        int edge = upstream ? firstIncoming[lot] : firstOutgoing[lot];
        while (edge != NONE) {
          edges.add(edge);
          int next = upstream ? edgeFrom[edge] : edgeTo[edge];
          if (seen.add(next)) {
            lots.add(next);
            depths.add(depth);
          }
          edge = upstream ? nextIncoming[edge] : nextOutgoing[edge];
        }
      }
      return new Walk(lots.toIntArray(), depths.toIntArray(), edges.toIntArray());
    } finally {
      scratch.release();
    }
  }

  /**
   * The working lists of one walk, kept in a small pool and reused: a trace of a few thousand lots
   * then allocates only its answer, not the lists and hash table it grew on the way (which, with
   * millions of lots in the heap, made young collections and so the tail latency worse). A walk
   * that grew them past {@link #KEEP_LIMIT} leaves them to the garbage collector so one huge trace
   * does not make every later clear slow.
   */
  private static final class Scratch {
    private static final int KEEP_LIMIT = 1 << 16;
    private static final int POOL_LIMIT = 16;
    private static final ConcurrentLinkedQueue<Scratch> POOL = new ConcurrentLinkedQueue<>();

    final IntArrayList lots = new IntArrayList();
    final IntArrayList depths = new IntArrayList();
    final IntArrayList edges = new IntArrayList();
    final IntOpenHashSet seen = new IntOpenHashSet();

    static Scratch take() {
      Scratch scratch = POOL.poll();
      return scratch == null ? new Scratch() : scratch;
    }

    void release() {
      if (lots.size() > KEEP_LIMIT || edges.size() > KEEP_LIMIT || POOL.size() >= POOL_LIMIT) {
        return;
      }
      lots.clear();
      depths.clear();
      edges.clear();
      seen.clear();
      POOL.offer(this);
    }
  }

  /**
   * The result of a walk: lots reached in breadth-first order with their depth (0 for the start),
   * and the edges crossed.
   */
  public record Walk(int[] lots, int[] depths, int[] edges) {}

  private int checkEdge(int edge) {
    if (edge < 0 || edge >= edgeCount) {
      throw new IndexOutOfBoundsException("no edge " + edge + " (there are " + edgeCount + ")");
    }
    return edge;
  }

  private void ensureNodes(int count) {
    if (count > firstOutgoing.length) {
      int capacity = Math.max(count, firstOutgoing.length * 2);
      int old = firstOutgoing.length;
      firstOutgoing = Arrays.copyOf(firstOutgoing, capacity);
      firstIncoming = Arrays.copyOf(firstIncoming, capacity);
      Arrays.fill(firstOutgoing, old, capacity, NONE);
      Arrays.fill(firstIncoming, old, capacity, NONE);
    }
    nodeCapacity = Math.max(nodeCapacity, count);
  }

  private void ensureEdges(int count) {
    if (count > edgeFrom.length) {
      int capacity = Math.max(count, edgeFrom.length * 2);
      edgeFrom = Arrays.copyOf(edgeFrom, capacity);
      edgeTo = Arrays.copyOf(edgeTo, capacity);
      edgeMassGrams = Arrays.copyOf(edgeMassGrams, capacity);
      edgeLabel = Arrays.copyOf(edgeLabel, capacity);
      nextOutgoing = Arrays.copyOf(nextOutgoing, capacity);
      nextIncoming = Arrays.copyOf(nextIncoming, capacity);
    }
  }
}
