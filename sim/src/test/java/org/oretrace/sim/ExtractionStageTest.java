package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.sim.Geography.GradeProfile;
import org.oretrace.sim.Geography.SiteProfile;

class ExtractionStageTest {

  private final World world = Worlds.standard();
  private final List<Tag> tags = Worlds.eventsOf(world, Tag.class);
  private final Geography geography =
      GreatLakesAtlas.geography(LocalDate.of(2022, 1, 1), LocalDate.of(2026, 1, 1));
  private final Map<String, SiteProfile> profiles =
      geography.sites().stream().collect(Collectors.toMap(site -> site.site().id(), site -> site));

  @Test
  void bagsWeighTwentyFiveToSixtyKilograms() {
    assertThat(tags).allSatisfy(tag -> assertThat(tag.massGrams()).isBetween(25_000L, 60_000L));
    double mean = tags.stream().mapToLong(Tag::massGrams).average().orElseThrow();
    assertThat(mean).isBetween(40_000.0, 45_000.0);
  }

  @Test
  void gradesFollowTheSiteProfile() {
    assertThat(tags)
        .allSatisfy(
            tag -> {
              GradeProfile profile = profiles.get(tag.siteId()).grades().get(tag.mineral());
              long margin = 25 * profile.deviation().partsPerMillion() / 10 + 5_000;
              assertThat(tag.grade().partsPerMillion())
                  .isBetween(
                      profile.mean().partsPerMillion() - margin,
                      profile.mean().partsPerMillion() + margin);
            });
  }

  @Test
  void theCooperativeTagsAtItsSiteInWorkingHours() {
    assertThat(tags)
        .allSatisfy(
            tag -> {
              SiteProfile profile = profiles.get(tag.siteId());
              assertThat(profile.site().minerals()).contains(tag.mineral());
              assertThat(tag.context().actorId()).isEqualTo(profile.cooperative().id());
              assertThat(tag.context().place()).isEqualTo(profile.site().location());
              assertThat(tag.context().time().getOffset())
                  .isEqualTo(geography.offset(profile.cooperative()));
              assertThat(tag.context().time().getHour()).isBetween(7, 15);
              assertThat(tag.tagNumber()).startsWith("ITSCI-" + profile.site().country().code());
            });
  }

  @Test
  void redSitesTagNothing() {
    List<String> red =
        world.sites().stream()
            .filter(site -> site.icglrStatus() == IcglrStatus.RED)
            .map(Site::id)
            .toList();

    assertThat(red).isNotEmpty();
    assertThat(tags).noneMatch(tag -> red.contains(tag.siteId()));
  }

  private record SiteMonth(String siteId, Mineral mineral, YearMonth month) {}

  @Test
  void noSiteTagsMoreThanItsCapacityInAMonth() {
    Map<SiteMonth, Long> grams = new HashMap<>();
    for (Tag tag : tags) {
      grams.merge(
          new SiteMonth(tag.siteId(), tag.mineral(), YearMonth.from(tag.context().time())),
          tag.massGrams(),
          Long::sum);
    }

    assertThat(grams)
        .allSatisfy(
            (key, tagged) ->
                assertThat(tagged)
                    .isLessThanOrEqualTo(
                        profiles.get(key.siteId()).site().capacityKilogramsPerMonth(key.mineral())
                            * 1000));
  }

  @Test
  void thePeriodGrowsSoThatLargeWorldsStayWithinCapacity() {
    double capacityKilograms =
        geography.sites().stream()
            .filter(site -> site.site().icglrStatus() != IcglrStatus.RED)
            .flatMap(
                site ->
                    site.site().minerals().stream()
                        .map(mineral -> site.site().capacityKilogramsPerMonth(mineral)))
            .mapToLong(Long::longValue)
            .sum();

    assertThat(ExtractionStage.months(200, geography)).isEqualTo(6);
    for (int bags : new int[] {100_000, 1_000_000}) {
      int months = ExtractionStage.months(bags, geography);
      assertThat(bags * 42.5 / (months * capacityKilograms)).isLessThanOrEqualTo(0.6);
    }
  }

  @Test
  void theDrySeasonOutproducesTheRains() {
    Map<Month, Long> gramsByMonth =
        tags.stream()
            .collect(
                Collectors.groupingBy(
                    tag -> tag.context().time().getMonth(),
                    Collectors.summingLong(Tag::massGrams)));

    assertThat(gramsByMonth.get(Month.JUNE)).isGreaterThan(gramsByMonth.get(Month.APRIL));
    assertThat(gramsByMonth.keySet()).hasSize(6);
  }

  @Test
  void lotIdsAndTagNumbersIncreaseWithTime() {
    List<Tag> byLotId = tags.stream().sorted(Comparator.comparing(Tag::lotId)).toList();

    assertThat(byLotId).isSortedAccordingTo(Comparator.comparing(tag -> tag.context().instant()));
    assertThat(tags).extracting(Tag::tagNumber).doesNotHaveDuplicates();
  }
}
