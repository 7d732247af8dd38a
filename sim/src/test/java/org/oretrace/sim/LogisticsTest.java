package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;

class LogisticsTest {

  private static final long JULY = 1_719_792_000L; // 2024-07-01T00:00Z, dry season
  private static final long APRIL = 1_711_929_600L; // 2024-04-01T00:00Z, rains

  private final Geography geography =
      GreatLakesAtlas.geography(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1));
  private final Chronicle chronicle = new Chronicle(geography);
  private final Logistics logistics = new Logistics(geography, chronicle, new SplittableRandom(3));
  private final Actor bisie = actor("coop-cd-bisie");
  private final Actor mubi = actor("trader-cd-mubi");
  private final Actor kampala = actor("comptoir-ug-kampala");

  @Test
  void workingTimesFallInLocalWorkingHoursAndNeverEarly() {
    SplittableRandom draws = new SplittableRandom(5);
    for (int draw = 0; draw < 5_000; draw++) {
      long notBefore = JULY + draws.nextLong(30 * Logistics.DAY);
      Actor actor = draw % 2 == 0 ? bisie : kampala;

      long time = logistics.workingTime(notBefore, actor, 7, 16);

      int hour = Instant.ofEpochSecond(time).atOffset(geography.offset(actor)).getHour();
      assertThat(hour).isBetween(7, 15);
      assertThat(time).isBetween(notBefore, notBefore + 2 * Logistics.DAY);
    }
  }

  @Test
  void roadTimesFollowTheCountrysSpeedsAndTheRains() {
    double kilometres = bisie.location().distanceMetres(mubi.location()) / 1000;
    for (int draw = 0; draw < 1_000; draw++) {
      double dryHours =
          logistics.roadSeconds(bisie.location(), mubi.location(), bisie, JULY) / 3600.0;
      double wetHours =
          logistics.roadSeconds(bisie.location(), mubi.location(), bisie, APRIL) / 3600.0;

      // Eastern DRC: 20-40 km/h on a road 1.5 times the straight line, a quarter slower in the
      // rains.
      assertThat(kilometres * 1.5 / dryHours).isBetween(19.9, 40.1);
      assertThat(kilometres * 1.5 / wetHours).isBetween(14.9, 30.1);
    }
  }

  @Test
  void receiptsLoseAFewTenthsOfAPercentAndWeighbridgesAreClose() {
    for (int draw = 0; draw < 10_000; draw++) {
      assertThat(logistics.weighAfterRoad(1_000_000)).isBetween(993_000L, 1_002_000L);
      assertThat(logistics.weighCalibrated(1_000_000)).isBetween(997_500L, 1_002_500L);
    }
  }

  @Test
  void offlineSitesUploadDaysLateAndOthersWithinHours() {
    long lateFromBisie = 0;
    for (int draw = 0; draw < 1_000; draw++) {
      long fromBisie = logistics.uploadDelay(bisie);
      assertThat(fromBisie).isBetween(60L, 6 * Logistics.DAY);
      lateFromBisie += fromBisie >= Logistics.DAY ? 1 : 0;
      assertThat(logistics.uploadDelay(mubi)).isBetween(60L, 2 * Logistics.HOUR + 60);
    }
    assertThat(lateFromBisie).isBetween(300L, 500L);
  }

  @Test
  void aSplitKeepsTheTagAndAlmostAllTheMass() {
    SimulatedLot lot =
        new SimulatedLot(
            "lot-1",
            "ITSCI-CD-000001",
            Mineral.COLTAN,
            300_000,
            "site-cd-omate",
            42_000,
            mubi,
            JULY,
            JULY);

    List<SimulatedLot> parts = logistics.splitInTwo(lot, JULY + Logistics.HOUR);

    assertThat(parts)
        .extracting(part -> part.tagNumber)
        .containsExactly("ITSCI-CD-000001-1", "ITSCI-CD-000001-2");
    assertThat(parts.stream().mapToLong(part -> part.massGrams).sum()).isBetween(41_958L, 42_000L);
    assertThat(parts)
        .allSatisfy(
            part -> {
              assertThat(part.holder).isEqualTo(mubi);
              assertThat(part.originSiteId).isEqualTo("site-cd-omate");
              assertThat(part.readySecond).isGreaterThan(JULY + Logistics.HOUR);
            });
    assertThat(chronicle.size()).isEqualTo(1);
  }

  private Actor actor(String id) {
    return geography.actors().stream()
        .filter(actor -> actor.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
