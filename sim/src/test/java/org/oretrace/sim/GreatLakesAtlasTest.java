package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Licence;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.sim.Geography.SiteProfile;

class GreatLakesAtlasTest {

  private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
  private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);

  private final Geography geography = GreatLakesAtlas.geography(FROM, UNTIL);
  private final List<Site> sites = geography.sites().stream().map(SiteProfile::site).toList();

  @Test
  void atLeastTwentySitesAcrossTheFourCountries() {
    assertThat(sites).hasSizeGreaterThanOrEqualTo(20);
    assertThat(sites.stream().map(site -> site.country().code()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("CD", "RW", "BI", "UG");
    assertThat(sites)
        .allSatisfy(
            site -> {
              // The Great Lakes region: Walikale to Kigezi, Uvira to Musha.
              assertThat(site.location().latitude()).isBetween(-3.5, 0.0);
              assertThat(site.location().longitude()).isBetween(27.0, 31.0);
              assertThat(site.minerals()).isNotEmpty();
              site.minerals()
                  .forEach(
                      mineral -> assertThat(site.capacityKilogramsPerMonth(mineral)).isPositive());
            });
  }

  @Test
  void allThreeTsAreMined() {
    assertThat(sites.stream().flatMap(site -> site.minerals().stream()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Mineral.COLTAN, Mineral.CASSITERITE, Mineral.WOLFRAMITE);
  }

  @Test
  void aRubayaLikeSiteIsRedAndHeldByAnArmedGroup() {
    assertThat(sites)
        .anySatisfy(
            site -> {
              assertThat(site.icglrStatus()).isEqualTo(IcglrStatus.RED);
              assertThat(site.armedGroupPresence()).isEqualTo(ArmedGroupPresence.CONTROLLED);
              assertThat(site.minerals()).contains(Mineral.COLTAN);
              assertThat(site.cahra()).isTrue();
            });
  }

  @Test
  void statusesAreMixedButMostlyGreen() {
    Set<IcglrStatus> statuses = sites.stream().map(Site::icglrStatus).collect(Collectors.toSet());
    long green = sites.stream().filter(site -> site.icglrStatus() == IcglrStatus.GREEN).count();

    assertThat(statuses).containsExactlyInAnyOrder(IcglrStatus.values());
    assertThat(green).isGreaterThan(sites.size() / 2);
  }

  @Test
  void exactlyTheEasternCongoSitesAreConflictAffected() {
    assertThat(sites)
        .allSatisfy(site -> assertThat(site.cahra()).isEqualTo(site.country().code().equals("CD")));
  }

  @Test
  void atLeastThirtyActorsPlayingEveryPart() {
    Set<ActorKind> kinds =
        geography.actors().stream()
            .map(Actor::kind)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ActorKind.class)));

    assertThat(geography.actors()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(kinds).containsExactlyInAnyOrder(ActorKind.values());
  }

  @Test
  void smeltersAreInAsiaAndComptoirsInTheRegion() {
    assertThat(kind(ActorKind.SMELTER))
        .extracting(actor -> actor.country().code())
        .containsOnly("CN", "TH", "MY", "VN");
    assertThat(kind(ActorKind.COMPTOIR))
        .extracting(actor -> actor.country().code())
        .containsOnly("CD", "RW", "BI", "UG");
    assertThat(kind(ActorKind.CUSTOMS_OFFICE))
        .extracting(Actor::name)
        .anySatisfy(name -> assertThat(name).contains("Goma"))
        .anySatisfy(name -> assertThat(name).contains("Bukavu"))
        .anySatisfy(name -> assertThat(name).contains("Kigali"));
  }

  @Test
  void everyLicenceCoversThePeriodAndCustomsHoldNone() {
    assertThat(geography.actors())
        .allSatisfy(
            actor -> {
              if (actor.kind() == ActorKind.CUSTOMS_OFFICE) {
                assertThat(actor.licence()).isNull();
              } else {
                assertThat(actor.licence().validOn(FROM)).isTrue();
                assertThat(actor.licence().validOn(UNTIL)).isTrue();
              }
            });
    assertThat(geography.actors().stream().map(Actor::licence).filter(Objects::nonNull))
        .extracting(Licence::number)
        .doesNotHaveDuplicates();
  }

  @Test
  void localOffsetsFollowTheTimeZones() {
    assertThat(geography.offset(actor("coop-cd-bisie"))).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(geography.offset(actor("coop-rw-musha"))).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(geography.offset(actor("coop-bi-murehe"))).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(geography.offset(actor("coop-ug-nyamulilo"))).isEqualTo(ZoneOffset.ofHours(3));
    assertThat(geography.offset(actor("smelter-cn-ganzhou"))).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(geography.offset(actor("smelter-th-phuket"))).isEqualTo(ZoneOffset.ofHours(7));
  }

  @Test
  void everySiteIsWorkedByACooperativeThatSellsOnARoute() {
    assertThat(geography.sites())
        .allSatisfy(
            site -> {
              assertThat(site.cooperative().kind()).isEqualTo(ActorKind.COOPERATIVE);
              assertThat(site.cooperative().location()).isEqualTo(site.site().location());
              assertThat(geography.tradeRoute(site.trader()).comptoirs())
                  .allSatisfy(comptoir -> assertThat(geography.exportRoute(comptoir)).isNotNull());
              site.site()
                  .minerals()
                  .forEach(mineral -> assertThat(geography.smelters().get(mineral)).isNotEmpty());
            });
  }

  private List<Actor> kind(ActorKind kind) {
    return geography.actors().stream().filter(actor -> actor.kind() == kind).toList();
  }

  private Actor actor(String id) {
    return geography.actors().stream()
        .filter(actor -> actor.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
