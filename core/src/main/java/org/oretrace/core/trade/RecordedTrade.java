package org.oretrace.core.trade;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oretrace.core.Country;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * The custody record's own trade figures: the mass of each mined mineral that export declarations
 * in the record sent from a country to a partner in a month (UTC), and that import declarations
 * brought in. A country is the declaring customs office's (for an export) or the importer's (for an
 * import); the mass is the declared one, or the lot's last known mass when the declaration gives
 * none. Only mined minerals count, as trade statistics by HS code compare ores and concentrates;
 * metal out of a smelter is another commodity.
 *
 * <p>Fed events in ledger order (it remembers each lot's mineral, a map entry per lot); the figures
 * are totals kept as they come, so a question costs one pass over a few hundred cells.
 *
 * <p>Its whole state (the cells and what it knows of each live lot) can be kept elsewhere and
 * restored ({@link #restore}): {@link #changes()} hands over what changed since it was last called,
 * so a store writes only those rows instead of replaying the record at every start.
 */
public final class RecordedTrade {

  /** The record's total for one country, partner, mineral, month and direction. */
  public record Cell(
      Country country,
      Country partner,
      Mineral mineral,
      int year,
      int month,
      TradeFlow flow,
      long grams) {
    public Cell {
      requireNonNull(country, "country is null");
      requireNonNull(partner, "partner is null");
      requireNonNull(mineral, "mineral is null");
      requireNonNull(flow, "flow is null");
    }
  }

  private record Key(
      Country country, Country partner, Mineral mineral, int year, int month, TradeFlow flow) {}

  private final Registry registry;

  /** What the record knows of a live lot: its mineral and last known mass. */
  public record TradedLot(Mineral mineral, long massGrams) {
    public TradedLot {
      requireNonNull(mineral, "mineral is null");
    }
  }

  /**
   * What changed since the last call to {@link #changes()}: the cells with their new totals, the
   * lots now known (new or with a new mass), and the lots no longer live.
   */
  public record Changes(List<Cell> cells, Map<String, TradedLot> lots, Set<String> removedLots) {
    public Changes {
      cells = List.copyOf(cells);
      lots = Map.copyOf(lots);
      removedLots = Set.copyOf(removedLots);
    }

    public boolean isEmpty() {
      return cells.isEmpty() && lots.isEmpty() && removedLots.isEmpty();
    }
  }

  private final Map<String, TradedLot> lots = new HashMap<>();
  private final Map<Key, Long> grams = new HashMap<>();
  private final Set<Key> changedCells = new HashSet<>();
  private final Set<String> changedLots = new HashSet<>();

  public RecordedTrade(Registry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  /** The figures as {@link #changes()} or {@link #state()} once handed them over. */
  public static RecordedTrade restore(
      Registry registry, List<Cell> cells, Map<String, TradedLot> lots) {
    RecordedTrade trade = new RecordedTrade(registry);
    for (Cell cell : cells) {
      trade.grams.merge(
          new Key(
              cell.country(),
              cell.partner(),
              cell.mineral(),
              cell.year(),
              cell.month(),
              cell.flow()),
          cell.grams(),
          Long::sum);
    }
    trade.lots.putAll(lots);
    return trade;
  }

  /** What changed since the last call (or since it was made or restored), and forgets it. */
  public synchronized Changes changes() {
    List<Cell> cells = new ArrayList<>(changedCells.size());
    for (Key key : changedCells) {
      cells.add(cell(key, grams.get(key)));
    }
    Map<String, TradedLot> known = new HashMap<>();
    Set<String> removed = new HashSet<>();
    for (String lotId : changedLots) {
      TradedLot lot = lots.get(lotId);
      if (lot == null) {
        removed.add(lotId);
      } else {
        known.put(lotId, lot);
      }
    }
    changedCells.clear();
    changedLots.clear();
    return new Changes(cells, known, removed);
  }

  /** The whole state, as changes over nothing; forgets what changed. */
  public synchronized Changes state() {
    changedCells.clear();
    changedLots.clear();
    return new Changes(cells(), lots, Set.of());
  }

  public synchronized void accept(List<CustodyEvent> events) {
    for (CustodyEvent event : events) {
      accept(event);
    }
  }

  private void accept(CustodyEvent event) {
    switch (event) {
      case Tag tag -> putLot(tag.lotId(), new TradedLot(tag.mineral(), tag.massGrams()));
      case Split split -> {
        TradedLot parent = removeLot(split.lotId());
        if (parent != null) {
          for (NewLot part : split.parts()) {
            putLot(part.lotId(), new TradedLot(parent.mineral(), part.massGrams()));
          }
        }
      }
      case Merge merge -> {
        Mineral mineral = null;
        for (String input : merge.inputLotIds()) {
          TradedLot found = removeLot(input);
          mineral = mineral == null && found != null ? found.mineral() : mineral;
        }
        if (mineral != null) {
          putLot(merge.output().lotId(), new TradedLot(mineral, merge.output().massGrams()));
        }
      }
      case Process process -> {
        for (ProcessOutput output : process.outputs()) {
          putLot(output.lotId(), new TradedLot(output.mineral(), output.massGrams()));
        }
      }
      case Receive receive -> newMass(receive.lotId(), receive.massGrams());
      case Export export ->
          add(event, export.lotId(), export.destination(), export.massGrams(), TradeFlow.EXPORT);
      case Import imported -> {
        add(event, imported.lotId(), imported.origin(), imported.massGrams(), TradeFlow.IMPORT);
        newMass(imported.lotId(), imported.massGrams());
      }
      default -> {
        // Moves and assays change no lot's mineral or mass.
      }
    }
  }

  private void putLot(String lotId, TradedLot lot) {
    lots.put(lotId, lot);
    changedLots.add(lotId);
  }

  private TradedLot removeLot(String lotId) {
    TradedLot removed = lots.remove(lotId);
    if (removed != null) {
      changedLots.add(lotId);
    }
    return removed;
  }

  private void newMass(String lotId, long massGrams) {
    TradedLot lot = lots.get(lotId);
    if (lot != null && massGrams > 0) {
      putLot(lotId, new TradedLot(lot.mineral(), massGrams));
    }
  }

  /** A declaration without a mass declares the lot's last known mass. */
  private void add(
      CustodyEvent event, String lotId, Country partner, long declaredGrams, TradeFlow flow) {
    TradedLot lot = lots.get(lotId);
    Actor actor = registry.actor(event.context().actorId()).orElse(null);
    if (lot == null || !lot.mineral().mined() || actor == null || partner.equals(actor.country())) {
      return;
    }
    long massGrams = declaredGrams > 0 ? declaredGrams : lot.massGrams();
    if (massGrams <= 0) {
      return;
    }
    var day = event.context().instant().atZone(ZoneOffset.UTC);
    Key key =
        new Key(actor.country(), partner, lot.mineral(), day.getYear(), day.getMonthValue(), flow);
    grams.merge(key, massGrams, Long::sum);
    changedCells.add(key);
  }

  /** Every cell with mass, in country, partner, mineral, month and flow order. */
  public synchronized List<Cell> cells() {
    Map<String, Cell> sorted = new TreeMap<>();
    grams.forEach(
        (key, total) ->
            sorted.put(
                key.country()
                    + "/"
                    + key.partner()
                    + "/"
                    + key.mineral().ordinal()
                    + "/"
                    + key.year()
                    + "/"
                    + (100 + key.month())
                    + "/"
                    + key.flow().ordinal(),
                cell(key, total)));
    return new ArrayList<>(sorted.values());
  }

  private static Cell cell(Key key, long total) {
    return new Cell(
        key.country(), key.partner(), key.mineral(), key.year(), key.month(), key.flow(), total);
  }
}
