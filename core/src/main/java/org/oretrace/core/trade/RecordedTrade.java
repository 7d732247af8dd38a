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
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * The custody record's own trade figures: the mass of each mined mineral that export declarations
 * in the record sent from a country to a partner in a month (UTC), and that import declarations
 * brought in. A country is the declaring customs office's (for an export) or the importer's (for an
 * import); the mass is the declared one. Only mined minerals count, as trade statistics by HS code
 * compare ores and concentrates; metal out of a smelter is another commodity.
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
  private final Map<String, Mineral> minerals = new HashMap<>();
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
      case Tag tag -> minerals.put(tag.lotId(), tag.mineral());
      case Split split -> {
        Mineral mineral = minerals.remove(split.lotId());
        if (mineral != null) {
          for (NewLot part : split.parts()) {
            minerals.put(part.lotId(), mineral);
          }
        }
      }
      case Merge merge -> {
        Mineral mineral = null;
        for (String input : merge.inputLotIds()) {
          Mineral found = minerals.remove(input);
          mineral = mineral == null ? found : mineral;
        }
        if (mineral != null) {
          minerals.put(merge.output().lotId(), mineral);
        }
      }
      case Process process -> {
        for (ProcessOutput output : process.outputs()) {
          minerals.put(output.lotId(), output.mineral());
        }
      }
      case Export export ->
          add(event, export.lotId(), export.destination(), export.massGrams(), TradeFlow.EXPORT);
      case Import imported ->
          add(event, imported.lotId(), imported.origin(), imported.massGrams(), TradeFlow.IMPORT);
      default -> {
        // Moves, receipts and assays change no lot's mineral.
      }
    }
  }

  private void add(
      CustodyEvent event, String lotId, Country partner, long massGrams, TradeFlow flow) {
    Mineral mineral = minerals.get(lotId);
    Actor actor = registry.actor(event.context().actorId()).orElse(null);
    if (mineral == null
        || !mineral.mined()
        || actor == null
        || partner == null
        || partner.equals(actor.country())
        || massGrams <= 0) {
      return;
    }
    var day = event.context().instant().atZone(ZoneOffset.UTC);
    grams.merge(
        new Key(actor.country(), partner, mineral, day.getYear(), day.getMonthValue(), flow),
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
