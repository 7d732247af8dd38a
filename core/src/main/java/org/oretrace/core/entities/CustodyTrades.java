package org.oretrace.core.entities;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;

/**
 * Who sold to whom, and how much, from the custody record: the trade edges of the entity graph, and
 * which mine sites each actor tagged ore at.
 *
 * <p>Events are fed in ledger order. A transfer is a sale from the lot's holder to the new holder;
 * a shipment is one from the sender to the consignee (its receipt is not counted again). A lot's
 * mass is the last one known (tagged, received, split or processed), so a sale carries the mass the
 * buyer took. The state is one small record per lot; a national deployment would keep the totals in
 * the database instead.
 */
public final class CustodyTrades {

  private final Map<String, LotState> lots = new HashMap<>();
  private final Map<String, Map<String, long[]>> sales = new TreeMap<>();
  private final Map<String, Map<String, long[]>> tagged = new TreeMap<>();

  /** Mass sold by one actor to another over the whole record, in {@code lots} lots. */
  public record Trade(String sellerId, String buyerId, long massGrams, int lots) {
    public Trade {
      requireNonNull(sellerId, "sellerId is null");
      requireNonNull(buyerId, "buyerId is null");
    }
  }

  /** Mass an actor tagged at a mine site, in {@code lots} lots. */
  public record Sourcing(String actorId, String siteId, long massGrams, int lots) {
    public Sourcing {
      requireNonNull(actorId, "actorId is null");
      requireNonNull(siteId, "siteId is null");
    }
  }

  private record LotState(String holderId, long massGrams) {}

  public void accept(CustodyEvent event) {
    String actor = event.context().actorId();
    switch (event) {
      case Tag tag -> {
        lots.put(tag.lotId(), new LotState(actor, tag.massGrams()));
        add(tagged, actor, tag.siteId(), tag.massGrams());
      }
      case Transfer transfer -> sell(transfer.lotId(), actor, transfer.toActorId());
      case Ship ship -> {
        LotState lot = lots.get(ship.lotId());
        if (lot != null && !actor.equals(ship.consigneeId())) {
          add(sales, actor, ship.consigneeId(), lot.massGrams());
        }
      }
      case Receive receive -> {
        LotState lot = lots.get(receive.lotId());
        long mass = receive.massGrams() > 0 || lot == null ? receive.massGrams() : lot.massGrams();
        lots.put(receive.lotId(), new LotState(actor, mass));
      }
      case Split split -> {
        for (NewLot part : split.parts()) {
          lots.put(part.lotId(), new LotState(actor, part.massGrams()));
        }
      }
      case Merge merge ->
          lots.put(merge.output().lotId(), new LotState(actor, merge.output().massGrams()));
      case Process process -> {
        for (ProcessOutput output : process.outputs()) {
          lots.put(output.lotId(), new LotState(actor, output.massGrams()));
        }
      }
      default -> {
        // Assays, exports and imports change no holder and sell nothing.
      }
    }
  }

  private void sell(String lotId, String actor, String buyer) {
    LotState lot = lots.get(lotId);
    if (lot == null) {
      return;
    }
    String seller = lot.holderId() == null ? actor : lot.holderId();
    if (!seller.equals(buyer)) {
      add(sales, seller, buyer, lot.massGrams());
    }
    lots.put(lotId, new LotState(buyer, lot.massGrams()));
  }

  private static void add(
      Map<String, Map<String, long[]>> totals, String from, String to, long massGrams) {
    long[] total =
        totals
            .computeIfAbsent(from, key -> new TreeMap<>())
            .computeIfAbsent(to, key -> new long[2]);
    total[0] += massGrams;
    total[1]++;
  }

  /** Every seller-buyer pair, by seller then buyer. */
  public List<Trade> trades() {
    List<Trade> trades = new ArrayList<>();
    sales.forEach(
        (seller, buyers) ->
            buyers.forEach(
                (buyer, total) -> trades.add(new Trade(seller, buyer, total[0], (int) total[1]))));
    return trades;
  }

  /** Every actor-site pair of tagging, by actor then site. */
  public List<Sourcing> sourcing() {
    List<Sourcing> sourcing = new ArrayList<>();
    tagged.forEach(
        (actor, sites) ->
            sites.forEach(
                (site, total) ->
                    sourcing.add(new Sourcing(actor, site, total[0], (int) total[1]))));
    return sourcing;
  }
}
