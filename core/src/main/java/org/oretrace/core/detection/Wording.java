package org.oretrace.core.detection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/** Numbers, dates and names as an alert's sentence says them: "41.2 t", "3 March 2025". */
final class Wording {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private Wording() {}

  /** A mass in tonnes to one decimal from one tonne up, else in kilograms. */
  static String mass(long grams) {
    if (grams == 0) {
      return "0 kg";
    }
    if (Math.abs(grams) >= 1_000_000) {
      return decimal(grams / 1_000_000.0, 1) + " t";
    }
    if (Math.abs(grams) >= 10_000) {
      return decimal(grams / 1_000.0, 0) + " kg";
    }
    return decimal(grams / 1_000.0, 1) + " kg";
  }

  /**
   * A mass in the unit of a reference mass, exact to the unit below, so that sums of figures in one
   * sentence add up when done by hand: tonnes to the kilogram ("20.650 t") when the reference is a
   * tonne or more, else kilograms to 100 grams ("27.6 kg").
   */
  static String exactMass(long grams, long referenceGrams) {
    if (Math.abs(referenceGrams) >= 1_000_000) {
      return decimal(grams / 1_000_000.0, 3) + " t";
    }
    return decimal(grams / 1_000.0, 1) + " kg";
  }

  /** What the units of a mineral are called when counted: gold comes in parcels, ore in bags. */
  static String units(Mineral mineral, long count) {
    String unit = mineral == Mineral.GOLD ? "parcel" : mineral.mined() ? "bag" : "lot";
    return count == 1 ? unit : unit + "s";
  }

  /** What the material is called in a sentence: "gold", "ore" (and concentrate) or "metal". */
  static String material(Mineral mineral) {
    if (mineral == Mineral.GOLD) {
      return "gold";
    }
    return mineral.mined() ? "ore" : "metal";
  }

  /**
   * A grade as the trade states it: gold by fineness in parts per thousand ("860.0 fine"), the
   * others as a percentage of their constituent ("3.2 % Ta2O5").
   */
  static String grade(Mineral mineral, long partsPerMillion) {
    if (mineral == Mineral.GOLD) {
      return decimal(partsPerMillion / 1_000.0, 1) + " fine";
    }
    return percent(partsPerMillion) + " " + mineral.gradeConstituent();
  }

  /** A difference of grades: "40.0 parts per thousand" for gold, "1.3 points" for the others. */
  static String gradeDifference(Mineral mineral, long partsPerMillion) {
    if (mineral == Mineral.GOLD) {
      return decimal(partsPerMillion / 1_000.0, 1) + " parts per thousand";
    }
    return decimal(partsPerMillion / 10_000.0, 1) + " points";
  }

  /**
   * A value to two decimals, or to as many more as it takes (up to six) not to read the same as the
   * limit it passed: 0.6004 against 0.6 is "0.6004", not "0.60".
   */
  static String distinct(double value, double limit) {
    int places = 2;
    while (places < 6 && decimal(value, places).equals(decimal(limit, places))) {
      places++;
    }
    return decimal(value, places);
  }

  static String percent(long partsPerMillion) {
    return decimal(partsPerMillion / 10_000.0, 1) + " %";
  }

  static String decimal(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  static BigDecimal figure(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
  }

  static BigDecimal tonnes(long grams) {
    return BigDecimal.valueOf(grams).movePointLeft(6);
  }

  static String day(Instant instant) {
    return DAY.format(instant);
  }

  static String month(YearMonth month) {
    return MONTH.format(month);
  }

  static YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
  }

  /** "Comptoir Grands Lacs Minerals SARL", or the id when the registry does not know it. */
  static String actor(Registry registry, String actorId) {
    return registry.actor(actorId).map(Wording::actor).orElse(actorId);
  }

  static String actor(Actor actor) {
    String kind = kind(actor.kind());
    return kind.isEmpty() ? actor.name() : kind + " " + actor.name();
  }

  static String site(Registry registry, String siteId) {
    return registry.site(siteId).map(Site::name).orElse(siteId);
  }

  static String country(String code) {
    try {
      return Country.of(code).displayName();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  private static String kind(ActorKind kind) {
    return switch (kind) {
      case COOPERATIVE, CUSTOMS_OFFICE -> "";
      case TRADER -> "trader";
      case COMPTOIR -> "comptoir";
      case PROCESSOR -> "processor";
      case SMELTER -> "smelter";
      case TRANSPORTER -> "transporter";
    };
  }
}
