package org.oretrace.core.trade;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** What the replay knows of a live lot: its mineral and last known mass. */
  private static final class LotFacts {
    final Mineral mineral;
    long massGrams;

    LotFacts(Mineral mineral, long massGrams) {
      this.mineral = mineral;
      this.massGrams = massGrams;
    }
  }

  private final Map<String, LotFacts> lots = new HashMap<>();
  private final Map<Key, Long> grams = new HashMap<>();

  public RecordedTrade(Registry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  public synchronized void accept(List<CustodyEvent> events) {
    for (CustodyEvent event : events) {
      accept(event);
    }
  }

  private void accept(CustodyEvent event) {
    switch (event) {
      case Tag tag -> lots.put(tag.lotId(), new LotFacts(tag.mineral(), tag.massGrams()));
      case Split split -> {
        LotFacts parent = lots.remove(split.lotId());
        if (parent != null) {
          for (NewLot part : split.parts()) {
            lots.put(part.lotId(), new LotFacts(parent.mineral, part.massGrams()));
          }
        }
      }
      case Merge merge -> {
        Mineral mineral = null;
        for (String input : merge.inputLotIds()) {
          LotFacts found = lots.remove(input);
          mineral = mineral == null && found != null ? found.mineral : mineral;
        }
        if (mineral != null) {
          lots.put(merge.output().lotId(), new LotFacts(mineral, merge.output().massGrams()));
        }
      }
      case Process process -> {
        for (ProcessOutput output : process.outputs()) {
          lots.put(output.lotId(), new LotFacts(output.mineral(), output.massGrams()));
        }
      }
      case Receive receive -> {
        LotFacts lot = lots.get(receive.lotId());
        if (lot != null && receive.massGrams() > 0) {
          lot.massGrams = receive.massGrams();
        }
      }
      case Export export ->
          add(event, export.lotId(), export.destination(), export.massGrams(), TradeFlow.EXPORT);
      case Import imported -> {
        add(event, imported.lotId(), imported.origin(), imported.massGrams(), TradeFlow.IMPORT);
        LotFacts lot = lots.get(imported.lotId());
        if (lot != null && imported.massGrams() > 0) {
          lot.massGrams = imported.massGrams();
        }
      }
      default -> {
        // Moves and assays change no lot's mineral or mass.
      }
    }
  }

  /** A declaration without a mass declares the lot's last known mass. */
  private void add(
      CustodyEvent event, String lotId, Country partner, long declaredGrams, TradeFlow flow) {
    LotFacts lot = lots.get(lotId);
    Actor actor = registry.actor(event.context().actorId()).orElse(null);
    if (lot == null || !lot.mineral.mined() || actor == null || partner.equals(actor.country())) {
      return;
    }
    long massGrams = declaredGrams > 0 ? declaredGrams : lot.massGrams;
    if (massGrams <= 0) {
      return;
    }
    var day = event.context().instant().atZone(ZoneOffset.UTC);
    grams.merge(
        new Key(actor.country(), partner, lot.mineral, day.getYear(), day.getMonthValue(), flow),
        massGrams,
        Long::sum);
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
                new Cell(
                    key.country(),
                    key.partner(),
                    key.mineral(),
                    key.year(),
                    key.month(),
                    key.flow(),
                    total)));
    return new ArrayList<>(sorted.values());
  }
}
