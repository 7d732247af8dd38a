package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;

/**
 * A lot as the simulation moves it: what the custody record knows of it (id, tag, mineral, mass,
 * holder) plus what only the simulation knows (its true grade, when it is ready for its next step,
 * and when the latest event on it reached the system).
 *
 * <p>Deliberately mutable: a lot changes mass, holder and time at every step, and a world holds
 * hundreds of thousands of them, so stages update it in place rather than copy a record each time.
 * Identity fields are final.
 */
final class SimulatedLot {

  final String id;
  final String tagNumber;
  final Mineral mineral;

  /** The true grade in parts per million; declared and assayed grades are noisy readings of it. */
  final long gradePartsPerMillion;

  /** The site it was tagged at, or null when it mixes ore from several sites. */
  final String originSiteId;

  long massGrams;
  Actor holder;

  /** Epoch second from which the holder can act on it. */
  long readySecond;

  /**
   * Epoch second at which the latest event on it (or its inputs) reached the system; once it is
   * consumed, the second its consuming event did.
   */
  long arrivalSecond;

  /** The chronicle index of the event that created it (its tag), or -1 when not kept. */
  int createdIndex = -1;

  SimulatedLot(
      String id,
      String tagNumber,
      Mineral mineral,
      long gradePartsPerMillion,
      String originSiteId,
      long massGrams,
      Actor holder,
      long readySecond,
      long arrivalSecond) {
    this.id = requireNonNull(id, "id is null");
    this.tagNumber = requireNonNull(tagNumber, "tagNumber is null");
    this.mineral = requireNonNull(mineral, "mineral is null");
    this.gradePartsPerMillion = gradePartsPerMillion;
    this.originSiteId = originSiteId;
    this.massGrams = massGrams;
    this.holder = requireNonNull(holder, "holder is null");
    this.readySecond = readySecond;
    this.arrivalSecond = arrivalSecond;
  }

  @Override
  public String toString() {
    return id + " (" + tagNumber + ", " + mineral.wireName() + ", " + massGrams + " g)";
  }
}
