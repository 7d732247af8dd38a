package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Licence;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.sim.Geography.GradeProfile;
import org.oretrace.sim.Geography.SiteProfile;
import org.oretrace.sim.Geography.SmelterProfile;

/**
 * What every region's atlas does to write itself down: register actors with invented licence
 * numbers valid over the simulated period, and sites with the cooperative that works each one. An
 * atlas extends it and lists its places in order; the order fixes ids and licence numbers, so it
 * must not change for a world to stay the same.
 */
abstract class AtlasBuilder {

  final LocalDate licencesFrom;
  final LocalDate licencesUntil;
  final List<Actor> actors = new ArrayList<>();
  final List<SiteProfile> sites = new ArrayList<>();
  private final Set<Country> conflictAffectedCountries;
  private final String cooperativePrefix;
  private int licenceSequence;

  /**
   * @param conflictAffectedCountries where every site lies in a conflict-affected and high-risk
   *     area (CAHRA)
   * @param cooperativePrefix what a cooperative's name starts with, before its site's name
   */
  AtlasBuilder(
      LocalDate licencesFrom,
      LocalDate licencesUntil,
      Set<Country> conflictAffectedCountries,
      String cooperativePrefix) {
    this.licencesFrom = requireNonNull(licencesFrom, "licencesFrom is null");
    this.licencesUntil = requireNonNull(licencesUntil, "licencesUntil is null");
    this.conflictAffectedCountries = Set.copyOf(conflictAffectedCountries);
    this.cooperativePrefix = requireNonNull(cooperativePrefix, "cooperativePrefix is null");
  }

  record MineralGrade(Mineral mineral, long capacity, GradeProfile profile) {}

  static List<MineralGrade> grades(
      Mineral mineral, long capacity, String meanPercent, String deviationPercent) {
    return List.of(
        new MineralGrade(mineral, capacity, GradeProfile.ofPercent(meanPercent, deviationPercent)));
  }

  static List<MineralGrade> grades(
      Mineral first,
      long firstCapacity,
      String firstMean,
      String firstDeviation,
      Mineral second,
      long secondCapacity,
      String secondMean,
      String secondDeviation) {
    return List.of(
        new MineralGrade(first, firstCapacity, GradeProfile.ofPercent(firstMean, firstDeviation)),
        new MineralGrade(
            second, secondCapacity, GradeProfile.ofPercent(secondMean, secondDeviation)));
  }

  void site(
      String key,
      String name,
      Country country,
      double latitude,
      double longitude,
      Actor trader,
      IcglrStatus status,
      ArmedGroupPresence armedGroups,
      boolean offline,
      List<MineralGrade> minerals) {
    GeoPoint location = new GeoPoint(latitude, longitude);
    Map<Mineral, Long> capacities = new EnumMap<>(Mineral.class);
    Map<Mineral, GradeProfile> grades = new EnumMap<>(Mineral.class);
    for (MineralGrade mineral : minerals) {
      capacities.put(mineral.mineral(), mineral.capacity());
      grades.put(mineral.mineral(), mineral.profile());
    }
    boolean conflictAffected = conflictAffectedCountries.contains(country);
    Site site =
        new Site(
            "site-" + key,
            name,
            country,
            location,
            capacities.keySet(),
            capacities,
            status,
            armedGroups,
            conflictAffected);
    Actor cooperative =
        register(
            new Actor(
                "coop-" + key,
                cooperativePrefix + name,
                ActorKind.COOPERATIVE,
                country,
                location,
                licence("COOP", country)));
    sites.add(new SiteProfile(site, cooperative, trader, grades, offline));
  }

  Actor trader(String id, String name, Country country, double latitude, double longitude) {
    return actor(id, name, ActorKind.TRADER, country, latitude, longitude, "NEG");
  }

  Actor comptoir(String id, String name, Country country, double latitude, double longitude) {
    return actor(id, name, ActorKind.COMPTOIR, country, latitude, longitude, "EXP");
  }

  Actor customs(String id, String name, Country country, double latitude, double longitude) {
    return register(
        new Actor(
            id, name, ActorKind.CUSTOMS_OFFICE, country, new GeoPoint(latitude, longitude), null));
  }

  SmelterProfile smelter(
      String id,
      String name,
      Country country,
      double latitude,
      double longitude,
      Mineral feed,
      Mineral product,
      String purityPercent,
      double metalFraction,
      double recovery,
      int seaDays,
      double share) {
    Actor smelter = actor(id, name, ActorKind.SMELTER, country, latitude, longitude, "SMELT");
    return new SmelterProfile(
        smelter,
        feed,
        product,
        Grade.ofPercent(purityPercent),
        metalFraction,
        recovery,
        seaDays,
        name + " laboratory",
        share);
  }

  Actor actor(
      String id,
      String name,
      ActorKind kind,
      Country country,
      double latitude,
      double longitude,
      String licencePrefix) {
    return register(
        new Actor(
            id,
            name,
            kind,
            country,
            new GeoPoint(latitude, longitude),
            licence(licencePrefix, country)));
  }

  Actor register(Actor actor) {
    actors.add(actor);
    return actor;
  }

  Licence licence(String prefix, Country country) {
    licenceSequence++;
    String number =
        prefix
            + "-"
            + country.code()
            + "-"
            + licencesFrom.getYear()
            + "-"
            + Numbers.padded(licenceSequence, 3);
    return new Licence(number, licencesFrom, licencesUntil);
  }
}
