package org.oretrace.sim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.registry.Actor;

/**
 * The record of a simulation as it is written: hands out lot ids and serial numbers, collects every
 * event with the second it happened and the second it reached the system, and finally puts the
 * events in arrival order and numbers them.
 *
 * <p>Why two times: field records are often uploaded late (no network at the pit), so the order in
 * which events reach a server is not the order in which they happened, and a world must be
 * replayable in the order of arrival. Each event's arrival is at least its time plus an upload
 * delay and at least the arrival of the events it depends on (the caller passes the latest arrival
 * among the lots it touches). Stages record an event only after the events it depends on, so the
 * recording order is a topological order; sorting stably by arrival therefore keeps every event
 * after its causes, and the result is a valid application order for CustodyGraph.
 *
 * <p>Event ids are given after sorting, so they increase along the list ("ev-0000001" first). An
 * event is kept as a factory of its context until then, because its id is part of that context.
 */
final class Chronicle {

  /** Builds an event once its context (with its id) is known. */
  @FunctionalInterface
  interface EventFactory {
    CustodyEvent create(EventContext context);
  }

  private record Pending(
      int index, long arrivalSecond, long timeSecond, Actor actor, EventFactory factory) {}

  private final Geography geography;
  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, Long> serials = new HashMap<>();
  private final Map<String, String> devices = new HashMap<>();
  private long lotSequence;
  private String[] idsByIndex;

  Chronicle(Geography geography) {
    this.geography = geography;
  }

  /** A new lot id, "lot-0000001" first. */
  String newLotId() {
    return "lot-" + Numbers.padded(++lotSequence, 7);
  }

  /** The next number in the series named by the prefix: "ITSCI-CD-000001", then "...-000002". */
  String serial(String prefix) {
    long next = serials.merge(prefix, 1L, Long::sum);
    return prefix + "-" + Numbers.padded(next, 6);
  }

  /**
   * Records an event performed by {@code actor} at its place, at {@code timeSecond}, reaching the
   * system {@code uploadDelaySeconds} later but not before {@code notBeforeArrival}.
   *
   * @return the second the event reached the system, for the lots it touches to carry on
   */
  long record(
      Actor actor,
      long timeSecond,
      long uploadDelaySeconds,
      long notBeforeArrival,
      EventFactory factory) {
    long arrival = Math.max(timeSecond + uploadDelaySeconds, notBeforeArrival);
    pending.add(new Pending(pending.size(), arrival, timeSecond, actor, factory));
    return arrival;
  }

  /** The index of the event recorded last, by which the ground truth names it. */
  int lastIndex() {
    return pending.size() - 1;
  }

  /** The second the event at this index happened. */
  long timeSecond(int index) {
    return pending.get(index).timeSecond();
  }

  /** The second the event at this index reached the system. */
  long arrivalSecond(int index) {
    return pending.get(index).arrivalSecond();
  }

  /** The id the event at this index was given; only once {@link #events()} has run. */
  String eventId(int index) {
    if (idsByIndex == null) {
      throw new IllegalStateException("event ids are given by events()");
    }
    return idsByIndex[index];
  }

  int size() {
    return pending.size();
  }

  /** Every event recorded, in arrival order, with ids "ev-0000001" onwards. */
  List<CustodyEvent> events() {
    List<Pending> ordered = new ArrayList<>(pending);
    ordered.sort(Comparator.comparingLong(Pending::arrivalSecond)); // stable: keeps causes first
    List<CustodyEvent> events = new ArrayList<>(ordered.size());
    idsByIndex = new String[ordered.size()];
    for (int index = 0; index < ordered.size(); index++) {
      Pending event = ordered.get(index);
      idsByIndex[event.index()] = "ev-" + Numbers.padded(index + 1L, 7);
      Actor actor = event.actor();
      OffsetDateTime time =
          Instant.ofEpochSecond(event.timeSecond()).atOffset(geography.offset(actor));
      EventContext context =
          new EventContext(
              idsByIndex[event.index()],
              time,
              actor.location(),
              actor.id(),
              devices.computeIfAbsent(actor.id(), id -> "device:" + id));
      events.add(event.factory().create(context));
    }
    return events;
  }
}
