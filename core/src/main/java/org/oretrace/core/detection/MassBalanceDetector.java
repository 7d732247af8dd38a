package org.oretrace.core.detection;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.balance.MonthlyBook;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * D1 mass-balance: the books of every actor, per mineral and calendar month (UTC, by event time),
 * kept up to date event by event, and judged for traders, comptoirs and processors (the {@link
 * DetectionParameters#balancedKinds}):
 *
 * <pre>
 *   unaccounted = shipped out + held now - held at the start of the month - received
 * </pre>
 *
 * <p>Produced counts what the actor tagged at a mine site. A cooperative's tagged ore is its
 * production, so its books ({@link MonthlyBook#unaccountedGrams}) take it off; the kinds D1 judges
 * do not mine, so for them tagged mass is as much out of nothing as any other, and the judged
 * figure above keeps it. The books of the kinds D1 does not judge are kept only to be read (the
 * national books must equal D1's for every actor); they never alert.
 *
 * <p>Received counts what arrives (weighed receipts, transfers and imports in); shipped out counts
 * what leaves (shipments, transfers out, and any mass an export declares beyond the lot's); held is
 * the mass of the actor's lots on record. Merging, splitting and processing move mass between lots
 * in the actor's hands and can only lose some (dust, spills, tailings), so an honest month has
 * unaccounted at or below zero. Above the mineral's tolerance, the actor produced material out of
 * nothing on the record: outside ore laundered through its books (an inflated merge, an export
 * declared heavier than its lot, a lot tagged at a depot).
 *
 * <p>An export declared heavier than its lot alerts at once, whatever the month's account says (see
 * {@link #declaredHeavier}).
 *
 * <p>Why a running account rather than a monthly batch: the check costs a few additions per event,
 * the alert comes with the event that tips the balance, and a month re-alerts when it drifts by
 * another tolerance. Late records of a past month are booked in the current one.
 */
final class MassBalanceDetector implements Detector {

  private final Registry registry;
  private final DetectionParameters parameters;
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Boolean> balanced = new HashMap<>();

  MassBalanceDetector(Registry registry, DetectionParameters parameters) {
    this.registry = registry;
    this.parameters = parameters;
  }

  /** One actor's books for one mineral. */
  private static final class Account {
    final String actorId;
    final Mineral mineral;
    YearMonth month;
    long held;
    long opening;
    long received;
    long produced;
    long shipped;
    long reported;
    final Set<String> gainEvents = new LinkedHashSet<>();
    final Set<String> gainLots = new LinkedHashSet<>();

    Account(String actorId, Mineral mineral) {
      this.actorId = actorId;
      this.mineral = mineral;
    }

    /** The judged figure: tagged mass counts as unaccounted (see the class comment). */
    long unaccounted() {
      return shipped + held - opening - received;
    }
  }

  @Override
  public DetectorId id() {
    return DetectorId.D1;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    List<Movement> movements = movements(event, book);
    if (movements.isEmpty()) {
      return;
    }
    boolean declaredHeavier =
        event instanceof Export export && declaredHeavier(export, book, alerts);
    YearMonth month = Wording.monthOf(event.context().instant());
    Map<Account, Long> before = new HashMap<>();
    for (Movement movement : movements) {
      Account account =
          accounts.computeIfAbsent(
              movement.actorId() + '|' + movement.mineral(),
              key -> new Account(movement.actorId(), movement.mineral()));
      if (account.month == null || month.isAfter(account.month)) {
        account.month = month;
        account.opening = account.held;
        account.received = 0;
        account.produced = 0;
        account.shipped = 0;
        account.reported = 0;
        account.gainEvents.clear();
        account.gainLots.clear();
      }
      if (isBalanced(movement.actorId())) {
        before.putIfAbsent(account, account.unaccounted());
      }
      account.held += movement.heldChange();
      account.received += movement.received();
      account.produced += movement.produced();
      account.shipped += movement.shipped();
    }
    before.forEach(
        (account, previous) -> {
          long now = account.unaccounted();
          if (now > previous) {
            account.gainEvents.add(event.id());
            account.gainLots.addAll(event.lotIds());
          }
          long tolerance =
              Math.max(
                  parameters.limits(account.mineral).balanceToleranceGrams(),
                  Math.round(
                      parameters.limits(account.mineral).balanceToleranceFraction()
                          * account.received));
          if (declaredHeavier) {
            // Already told, with the declaration itself: the books count it as reported.
            account.reported = Math.max(account.reported, now);
            account.gainEvents.clear();
            account.gainLots.clear();
          } else if (now - account.reported > tolerance) {
            alerts.add(alert(event, account, now, tolerance));
            account.reported = now;
            account.gainEvents.clear();
            account.gainLots.clear();
          }
        });
  }

  /**
   * An export declared heavier than its lot weighs on record, by more than a second weighing can
   * explain (the mineral's transit gain), is mass out of nothing at once: outside ore exported
   * under the lot's papers. The month's account would show it too, but a trader's or comptoir's
   * month moves hundreds of tonnes, and its tolerance (a share of receipts) and its honest losses
   * can hide a few hundred kilograms; the declaration alone cannot. Only for actors whose books
   * must balance; returns whether it alerted.
   */
  private boolean declaredHeavier(Export export, LotBook book, List<Alert> alerts) {
    int row = book.row(export.lotId());
    if (row < 0 || export.massGrams() <= 0) {
      return false;
    }
    String holder = book.holder(row);
    long mass = book.mass(row);
    long excess = export.massGrams() - mass;
    if (!isBalanced(holder)
        || mass <= 0
        || excess
            <= Math.round(mass * parameters.limits(book.mineral(row)).transitGainFraction())) {
      return false;
    }
    Actor actor = registry.actor(holder).orElse(null);
    double share = excess / (double) mass;
    alerts.add(
        Finding.of(id(), export)
            .lot(export.lotId())
            .actor(holder)
            .site(book.origin(row))
            .country(actor == null ? null : actor.country().code())
            .figure("lotTonnes", Wording.tonnes(mass))
            .figure("declaredTonnes", Wording.tonnes(export.massGrams()))
            .figure("unaccountedTonnes", Wording.tonnes(excess))
            .score(0.6 + 0.4 * Math.min(1, share / 0.2))
            .explain(
                capitalised(Wording.actor(registry, holder))
                    + " exported lot "
                    + export.lotId()
                    + " (tag "
                    + book.tag(row)
                    + ", "
                    + book.mineral(row).wireName()
                    + ") declared at "
                    + Wording.mass(export.massGrams())
                    + " on "
                    + Wording.day(export.context().instant())
                    + ", but the lot weighs "
                    + Wording.mass(mass)
                    + " on record: "
                    + Wording.mass(excess)
                    + " ("
                    + Wording.decimal(share * 100, 1)
                    + " %) more than there is, which may be outside "
                    + Wording.material(book.mineral(row))
                    + " exported under its papers."));
    return true;
  }

  private Alert alert(CustodyEvent event, Account account, long unaccounted, long tolerance) {
    Actor actor = registry.actor(account.actorId).orElse(null);
    List<String> events = new ArrayList<>(account.gainEvents);
    List<String> lots = new ArrayList<>(account.gainLots);
    double share = unaccounted / (double) Math.max(1, account.received + account.opening);
    return Finding.of(id(), event)
        .events(events)
        .lots(lots)
        .actor(account.actorId)
        .country(actor == null ? null : actor.country().code())
        .figure("receivedTonnes", Wording.tonnes(account.received))
        .figure("shippedTonnes", Wording.tonnes(account.shipped))
        .figure("openingStockTonnes", Wording.tonnes(account.opening))
        .figure("heldTonnes", Wording.tonnes(account.held))
        .figure("unaccountedTonnes", Wording.tonnes(unaccounted))
        .score(0.6 + 0.4 * Math.min(1, share / 0.2 + (unaccounted > 4 * tolerance ? 0.5 : 0)))
        .explain(
            (actor == null ? account.actorId : capitalised(Wording.actor(actor)))
                + " shipped out "
                + Wording.mass(account.shipped)
                + " of "
                + account.mineral.wireName()
                + " in "
                + Wording.month(account.month)
                + " and holds "
                + Wording.mass(account.held)
                + ", but received "
                + Wording.mass(account.received)
                + " with "
                + Wording.mass(account.opening)
                + " in stock at the start of the month: "
                + Wording.mass(unaccounted)
                + " more than it can account for.");
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private boolean isBalanced(String actorId) {
    return balanced.computeIfAbsent(
        actorId,
        id ->
            registry
                .actor(id)
                .map(actor -> parameters.balancedKinds().contains(actor.kind()))
                .orElse(false));
  }

  /**
   * D1's books as they stand: for each actor and mineral, the month of its latest booking (judged
   * or not).
   */
  List<MonthlyBook> books() {
    List<MonthlyBook> books = new ArrayList<>(accounts.size());
    for (Account account : accounts.values()) {
      books.add(
          new MonthlyBook(
              account.actorId,
              account.mineral,
              account.month,
              account.opening,
              account.received,
              account.produced,
              account.shipped,
              account.held));
    }
    return books;
  }

  /**
   * One change to an actor's books; {@code produced} is the part of the held change that was tagged
   * at a mine site (a tag's mass; otherwise zero).
   */
  record Movement(
      String actorId,
      Mineral mineral,
      long heldChange,
      long received,
      long produced,
      long shipped) {

    /** A change that produced nothing. */
    Movement(String actorId, Mineral mineral, long heldChange, long received, long shipped) {
      this(actorId, mineral, heldChange, received, 0, shipped);
    }
  }

  /**
   * The changes an event makes to its actors' books, judged on the lots as they were just before it
   * (the {@link BalanceProjection} books the same).
   */
  static List<Movement> movements(CustodyEvent event, LotBook book) {
    String actor = event.context().actorId();
    List<Movement> movements = new ArrayList<>(2);
    switch (event) {
      case Tag tag ->
          movements.add(new Movement(actor, tag.mineral(), tag.massGrams(), 0, tag.massGrams(), 0));
      case Transfer transfer -> {
        int row = book.row(transfer.lotId());
        if (row >= 0 && !book.holder(row).equals(transfer.toActorId())) {
          long mass = book.mass(row);
          movements.add(new Movement(book.holder(row), book.mineral(row), -mass, 0, mass));
          movements.add(new Movement(transfer.toActorId(), book.mineral(row), mass, mass, 0));
        }
      }
      case Ship ship -> {
        int row = book.row(ship.lotId());
        if (row >= 0 && book.consignee(row) == null) {
          long mass = book.mass(row);
          movements.add(new Movement(book.holder(row), book.mineral(row), -mass, 0, mass));
        }
      }
      case Receive receive -> {
        int row = book.row(receive.lotId());
        if (row >= 0) {
          long mass = receive.massGrams() > 0 ? receive.massGrams() : book.mass(row);
          if (book.consignee(row) == null) {
            if (!book.holder(row).equals(actor)) {
              movements.add(
                  new Movement(
                      book.holder(row), book.mineral(row), -book.mass(row), 0, book.mass(row)));
              movements.add(new Movement(actor, book.mineral(row), mass, mass, 0));
            }
          } else {
            movements.add(new Movement(actor, book.mineral(row), mass, mass, 0));
          }
        }
      }
      case Split split -> {
        int row = book.row(split.lotId());
        if (row >= 0) {
          long parts = split.parts().stream().mapToLong(NewLot::massGrams).sum();
          movements.add(
              new Movement(book.holder(row), book.mineral(row), parts - book.mass(row), 0, 0));
        }
      }
      case Merge merge -> {
        Mineral mineral = null;
        for (String input : merge.inputLotIds()) {
          int row = book.row(input);
          if (row >= 0) {
            mineral = book.mineral(row);
            movements.add(new Movement(book.holder(row), mineral, -book.mass(row), 0, 0));
          }
        }
        if (mineral != null) {
          movements.add(new Movement(actor, mineral, merge.output().massGrams(), 0, 0));
        }
      }
      case Process process -> {
        for (ProcessInput input : process.inputs()) {
          int row = book.row(input.lotId());
          if (row >= 0) {
            long consumed = input.massGrams() == 0 ? book.mass(row) : input.massGrams();
            movements.add(new Movement(book.holder(row), book.mineral(row), -consumed, 0, 0));
          }
        }
        for (ProcessOutput output : process.outputs()) {
          movements.add(new Movement(actor, output.mineral(), output.massGrams(), 0, 0));
        }
      }
      case Export export -> {
        int row = book.row(export.lotId());
        if (row >= 0) {
          long mass = book.mass(row);
          long declared = export.massGrams() > 0 ? export.massGrams() : mass;
          if (book.consignee(row) == null) {
            movements.add(new Movement(book.holder(row), book.mineral(row), -mass, 0, declared));
          } else if (declared > mass) {
            movements.add(new Movement(book.holder(row), book.mineral(row), 0, 0, declared - mass));
          }
        }
      }
      case Import anImport -> {
        int row = book.row(anImport.lotId());
        if (row >= 0) {
          long mass = anImport.massGrams() > 0 ? anImport.massGrams() : book.mass(row);
          movements.add(new Movement(actor, book.mineral(row), mass, mass, 0));
        }
      }
      default -> {}
    }
    return movements;
  }
}
