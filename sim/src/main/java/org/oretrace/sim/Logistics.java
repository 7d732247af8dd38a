package org.oretrace.sim;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Actor;
import org.oretrace.sim.Geography.RoadProfile;
import org.oretrace.sim.Geography.SiteProfile;

/**
 * What every stage needs to move lots honestly: local working hours, road travel times, scales,
 * upload delays, and the ship-receive and transfer moves that record their events. One instance per
 * stage, each with its own random stream, so that a stage added later does not change the draws of
 * the stages before it.
 *
 * <p>Honest noise lives here and only here: moisture loss and scale error on receipt, late uploads
 * from sites without network, travel times drawn from the road's speed range.
 */
final class Logistics {

  static final long MINUTE = 60;
  static final long HOUR = 3_600;
  static final long DAY = 86_400;

  private final Geography geography;
  private final Chronicle chronicle;
  private final RandomGenerator random;
  private final Set<String> offlineActors = new HashSet<>();
  private final Schemes schemes;

  Logistics(Geography geography, Chronicle chronicle, RandomGenerator random) {
    this(geography, chronicle, random, Schemes.none());
  }

  Logistics(Geography geography, Chronicle chronicle, RandomGenerator random, Schemes schemes) {
    this.geography = geography;
    this.chronicle = chronicle;
    this.random = random;
    this.schemes = schemes;
    for (SiteProfile site : geography.sites()) {
      if (site.offline()) {
        offlineActors.add(site.cooperative().id());
      }
    }
  }

  Geography geography() {
    return geography;
  }

  Chronicle chronicle() {
    return chronicle;
  }

  RandomGenerator random() {
    return random;
  }

  Schemes schemes() {
    return schemes;
  }

  // ---- time

  /** A uniformly drawn second in [from, from + span). */
  long within(long from, long span) {
    return span <= 0 ? from : from + random.nextLong(span);
  }

  /**
   * A random moment between {@code fromHour} and {@code toHour} local time, on the first day that
   * leaves such a moment at or after {@code notBefore}.
   */
  long workingTime(long notBefore, Actor actor, int fromHour, int toHour) {
    long offset = geography.offset(actor).getTotalSeconds();
    long localDay = Math.floorDiv(notBefore + offset, DAY);
    for (long day = localDay; ; day++) {
      long opens = day * DAY + fromHour * HOUR - offset;
      long closes = day * DAY + toHour * HOUR - offset;
      if (closes > notBefore) {
        long start = Math.max(opens, notBefore);
        return within(start, closes - start);
      }
    }
  }

  boolean rainy(long second) {
    int month = LocalDate.ofEpochDay(Math.floorDiv(second, DAY)).getMonthValue();
    return geography.monthlyOutputFactors().get(month - 1) < 1;
  }

  /**
   * Seconds on the road between two places, departing at {@code departure}: the straight line
   * lengthened by the country's detour factor, at a speed drawn from its range, a quarter slower in
   * the rains.
   */
  long roadSeconds(GeoPoint from, GeoPoint to, Actor driver, long departure) {
    RoadProfile road = geography.road(driver.country());
    double kilometres = from.distanceMetres(to) / 1000 * road.detourFactor();
    double speed =
        uniform(road.minimumKilometresPerHour(), road.maximumKilometresPerHour())
            * (rainy(departure) ? 0.75 : 1);
    return Math.round(kilometres / speed * HOUR);
  }

  /** How late the actor's records reach the system: days at offline sites, minutes elsewhere. */
  long uploadDelay(Actor actor) {
    if (offlineActors.contains(actor.id()) && random.nextDouble() < 0.4) {
      return within(DAY, 5 * DAY);
    }
    return within(MINUTE, 2 * HOUR);
  }

  // ---- scales

  /** Mass weighed on receipt after a road trip: 0.1-0.5 % moisture loss and about 0.05 % error. */
  long weighAfterRoad(long massGrams) {
    double factor = 1 - uniform(0.001, 0.005) + random.nextGaussian() * 0.0005;
    return Math.max(1, Math.round(massGrams * factor));
  }

  /** Mass on a calibrated weighbridge: about 0.05 % error, no moisture to lose. */
  long weighCalibrated(long massGrams) {
    return Math.max(1, Math.round(massGrams * (1 + random.nextGaussian() * 0.0005)));
  }

  /** A laboratory's reading of a true grade, with a normal error of the given deviation. */
  Grade gradeReading(long truePartsPerMillion, long deviationPartsPerMillion) {
    long value = Math.round(truePartsPerMillion + random.nextGaussian() * deviationPartsPerMillion);
    return new Grade(Math.max(0, Math.min(Grade.MILLION, value)));
  }

  // ---- moves

  /**
   * Ships a lot from its holder to the consignee, leaving at {@code departure}, and records its
   * receipt (weighed) after the road trip and an hour or three of handling. Here the schemes of the
   * road are planted on earmarked lots: a receipt time forged hours early (D3), a bag topped up on
   * the way (D5), a delivery diverted to the comptoir next door, which hands it on (D7).
   */
  void shipAndReceive(SimulatedLot lot, Actor consignee, Actor transporter, long departure) {
    Actor shipper = lot.holder;
    String transporterId = transporter == null ? null : transporter.id();
    lot.arrivalSecond =
        chronicle.record(
            shipper,
            departure,
            uploadDelay(shipper),
            lot.arrivalSecond,
            context -> new Ship(context, lot.id, consignee.id(), transporterId));
    int shipIndex = chronicle.lastIndex();
    Actor driver = transporter == null ? shipper : transporter;
    long received =
        departure
            + roadSeconds(shipper.location(), consignee.location(), driver, departure)
            + within(HOUR / 2, 3 * HOUR);
    long mass = weighAfterRoad(lot.massGrams);
    long recordedTime = received;
    Actor receiver = consignee;
    Schemes.Planted scheme = null;
    double kilometres = shipper.location().distanceMetres(consignee.location()) / 1000;
    Actor nextDoor = nextDoor(consignee);
    if (kilometres >= 40 && schemes.take(lot, DetectorId.D3)) {
      recordedTime = departure + Math.round(kilometres / schemes.uniform(150, 400) * HOUR);
      scheme =
          schemes.plant(
              DetectorId.D3,
              "receipt of " + lot.id + " backdated: " + Math.round(kilometres) + " km in minutes");
    } else if (schemes.take(lot, DetectorId.D5)) {
      mass = Math.round(lot.massGrams * schemes.uniform(1.025, 1.08));
      scheme = schemes.plant(DetectorId.D5, lot.id + " topped up with untagged ore in transit");
    } else if (nextDoor != null && schemes.take(lot, DetectorId.D7)) {
      receiver = nextDoor;
      scheme =
          schemes.plant(
              DetectorId.D7,
              lot.id + " delivered to " + nextDoor.id() + " instead of the consignee");
    }
    long weighed = mass;
    lot.arrivalSecond =
        chronicle.record(
            receiver,
            recordedTime,
            uploadDelay(receiver),
            lot.arrivalSecond,
            context -> new Receive(context, lot.id, weighed));
    if (scheme != null) {
      scheme
          .lot(lot.id)
          .actor(shipper)
          .actor(consignee)
          .actor(receiver)
          .event(shipIndex)
          .completing(chronicle.lastIndex());
      if (lot.originSiteId != null) {
        scheme.site(lot.originSiteId);
      }
    }
    lot.massGrams = mass;
    lot.holder = receiver;
    lot.readySecond = received;
    if (!receiver.equals(consignee)) {
      transfer(lot, consignee, received + within(2 * HOUR, DAY));
    }
  }

  /** Another actor of the same kind in the same town, if there is one. */
  private Actor nextDoor(Actor actor) {
    for (Actor other : geography.actors()) {
      if (other.kind() == actor.kind()
          && !other.id().equals(actor.id())
          && other.location().distanceMetres(actor.location()) < 15_000) {
        return other;
      }
    }
    return null;
  }

  /** Sells a lot to a buyer in the same town: a change of holder without a trip. */
  void transfer(SimulatedLot lot, Actor buyer, long time) {
    Actor seller = lot.holder;
    lot.arrivalSecond =
        chronicle.record(
            seller,
            time,
            uploadDelay(seller),
            lot.arrivalSecond,
            context -> new Transfer(context, lot.id, buyer.id()));
    lot.holder = buyer;
    lot.readySecond = time + within(0, 2 * HOUR);
  }

  /**
   * Splits a lot in two parts of 35-65 % each (less a few grams spilt), tagged with the parent's
   * tag and "-1" or "-2", held by the same holder.
   */
  List<SimulatedLot> splitInTwo(SimulatedLot lot, long time) {
    long first = Math.round(lot.massGrams * uniform(0.35, 0.65));
    long second = lot.massGrams - first - Math.min(within(0, 21), lot.massGrams / 1000);
    List<SimulatedLot> parts = List.of(part(lot, "-1", first, time), part(lot, "-2", second, time));
    List<NewLot> newLots =
        parts.stream().map(part -> new NewLot(part.id, part.tagNumber, part.massGrams)).toList();
    long arrival =
        chronicle.record(
            lot.holder,
            time,
            uploadDelay(lot.holder),
            lot.arrivalSecond,
            context -> new Split(context, lot.id, newLots));
    parts.forEach(part -> part.arrivalSecond = arrival);
    lot.arrivalSecond = arrival;
    schemes.inherit(List.of(lot), parts.getFirst());
    return parts;
  }

  private SimulatedLot part(SimulatedLot parent, String suffix, long massGrams, long time) {
    return new SimulatedLot(
        chronicle.newLotId(),
        parent.tagNumber + suffix,
        parent.mineral,
        parent.gradePartsPerMillion,
        parent.originSiteId,
        massGrams,
        parent.holder,
        time + within(HOUR / 2, 2 * HOUR),
        parent.arrivalSecond);
  }

  // ---- draws

  double uniform(double from, double to) {
    return from + random.nextDouble() * (to - from);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** The latest ready second and arrival among lots, for an event that consumes them all. */
  static long latestReady(List<SimulatedLot> lots) {
    return lots.stream().mapToLong(lot -> lot.readySecond).max().orElseThrow();
  }

  static long latestArrival(List<SimulatedLot> lots) {
    return lots.stream().mapToLong(lot -> lot.arrivalSecond).max().orElseThrow();
  }

  /** The common origin site of lots, or null when they come from several. */
  static String commonOrigin(List<SimulatedLot> lots) {
    String origin = lots.getFirst().originSiteId;
    for (SimulatedLot lot : lots) {
      if (origin == null || !origin.equals(lot.originSiteId)) {
        return null;
      }
    }
    return origin;
  }

  /** The mass-weighted true grade of lots, in parts per million. */
  static long weightedGrade(List<SimulatedLot> lots) {
    double metal = 0;
    double mass = 0;
    for (SimulatedLot lot : lots) {
      metal += (double) lot.massGrams * lot.gradePartsPerMillion;
      mass += lot.massGrams;
    }
    return Math.round(metal / mass);
  }
}
