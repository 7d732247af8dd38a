package org.oretrace.sim;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.sim.Geography.ExportRoute;
import org.oretrace.sim.Geography.RoadProfile;
import org.oretrace.sim.Geography.Scale;
import org.oretrace.sim.Geography.SmelterProfile;
import org.oretrace.sim.Geography.TradeRoute;

/**
 * Kachin rare earths as data: nine in-situ leaching sites around Pangwa, Chipwi and Momauk in
 * Myanmar's Kachin State, the operators that run them, trading houses in the towns, border trading
 * companies at the Kanpiketi and Lweje gates, and the Chinese separation plants in Yunnan and
 * Jiangxi that buy the concentrate.
 *
 * <p>What the world is built for: the mining area around Pangwa was run under the militia of Kachin
 * State Special Region 1 until the Kachin Independence Army took it in October 2024 (red, under
 * armed control: the laundered ore); sites further from the front still sell through the same
 * Chipwi trading house, and concentrate from Pangwa can be bagged as theirs. China's customs record
 * far more rare-earth imports from Myanmar than Myanmar declares exporting: the mirror-trade gap of
 * this world.
 *
 * <p>Places are real and coordinates approximate; every company and permit is invented; statuses
 * and capacities are plausible, not official. Figures from public reports (Global Witness 2022 and
 * 2024, USGS Mineral Commodity Summaries, China customs statistics): ionic-clay leaching yields a
 * mixed rare-earth carbonate of roughly 50-60 % TREO, bagged in sacks of 25-50 kg and trucked
 * across in loads of 10-25 t; Myanmar sent China some 30-40 kt of rare-earth concentrate a year in
 * 2021-2023; Kachin's mountain roads give 15-30 km/h; the monsoon (June-September) floods the
 * leaching ponds and cuts the roads.
 */
final class MyanmarRareEarthAtlas extends AtlasBuilder {

  private static final Country MYANMAR = Country.of("MM");
  private static final Country CHINA = Country.of("CN");

  private MyanmarRareEarthAtlas(LocalDate licencesFrom, LocalDate licencesUntil) {
    super(licencesFrom, licencesUntil, Set.of(MYANMAR), "Mining group of ");
  }

  static Geography geography(LocalDate licencesFrom, LocalDate licencesUntil) {
    return new MyanmarRareEarthAtlas(licencesFrom, licencesUntil).build();
  }

  private Geography build() {
    Actor kachinTrucks =
        actor(
            "transporter-mm-chipwi",
            "Nmai Hka Trucking Co Ltd",
            ActorKind.TRANSPORTER,
            MYANMAR,
            25.880,
            98.130,
            "TR");
    Actor yunnanFreight =
        actor(
            "transporter-cn-tengchong",
            "Tengchong Border Freight Co Ltd",
            ActorKind.TRANSPORTER,
            CHINA,
            25.020,
            98.490,
            "TR");
    Actor kanpiketiCustoms =
        customs("customs-mm-kanpiketi", "Kanpiketi border trade camp", MYANMAR, 25.985, 98.535);
    Actor lwejeCustoms =
        customs("customs-mm-lweje", "Lweje border trade camp", MYANMAR, 24.300, 97.650);

    Actor kanpiketi1 =
        comptoir(
            "comptoir-mm-kanpiketi-1", "Kanpiketi Border Trading Co Ltd", MYANMAR, 25.990, 98.530);
    Actor kanpiketi2 =
        comptoir(
            "comptoir-mm-kanpiketi-2",
            "Special Region One Minerals Co Ltd",
            MYANMAR,
            25.975,
            98.520);
    Actor lweje =
        comptoir("comptoir-mm-lweje", "Mali Hka Border Trading Co Ltd", MYANMAR, 24.310, 97.660);
    Map<String, ExportRoute> exportRoutes = new LinkedHashMap<>();
    for (Actor exporter : List.of(kanpiketi1, kanpiketi2)) {
      exportRoutes.put(
          exporter.id(),
          new ExportRoute(
              exporter, kanpiketiCustoms, "Kanpiketi assay office", yunnanFreight, 0, 2));
    }
    exportRoutes.put(
        lweje.id(),
        new ExportRoute(lweje, lwejeCustoms, "Lweje assay office", yunnanFreight, 0, 2));

    Actor chipwi =
        trader("trader-mm-chipwi", "Chipwi Rare Earth Trading Co Ltd", MYANMAR, 25.875, 98.135);
    Actor pangwa =
        trader("trader-mm-pangwa", "Pangwa Minerals Trading Co Ltd", MYANMAR, 25.960, 98.440);
    Actor momauk =
        trader("trader-mm-momauk", "Momauk Mineral Trading Co Ltd", MYANMAR, 24.255, 97.360);
    List<TradeRoute> tradeRoutes =
        List.of(
            new TradeRoute(chipwi, kachinTrucks, List.of(kanpiketi1, kanpiketi2), null, Set.of()),
            new TradeRoute(pangwa, kachinTrucks, List.of(kanpiketi1, kanpiketi2), null, Set.of()),
            new TradeRoute(momauk, kachinTrucks, List.of(lweje), null, Set.of()));
    Map<String, TradeRoute> routesByTrader = new LinkedHashMap<>();
    tradeRoutes.forEach(route -> routesByTrader.put(route.trader().id(), route));

    Mineral ree = Mineral.RARE_EARTH_CONCENTRATE;
    // The Pangwa leaching field under armed control (the first red site) sells to the Chipwi house,
    // like the quieter sites north and west of Chipwi.
    site(
        "mm-pangwa",
        "Pangwa leaching field",
        MYANMAR,
        25.970,
        98.460,
        chipwi,
        IcglrStatus.RED,
        ArmedGroupPresence.CONTROLLED,
        true,
        grades(ree, 600_000, "55", "3"));
    site(
        "mm-chipwi-north",
        "Chipwi north",
        MYANMAR,
        25.950,
        98.150,
        chipwi,
        IcglrStatus.GREEN,
        ArmedGroupPresence.PRESENT,
        true,
        grades(ree, 250_000, "56", "3"));
    site(
        "mm-hsawlaw",
        "Hsawlaw",
        MYANMAR,
        26.190,
        98.270,
        chipwi,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        true,
        grades(ree, 200_000, "53", "3"));
    site(
        "mm-lasa",
        "Lasa",
        MYANMAR,
        25.800,
        98.200,
        chipwi,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(ree, 150_000, "57", "3"));
    site(
        "mm-hpimaw",
        "Hpimaw",
        MYANMAR,
        26.030,
        98.620,
        pangwa,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        true,
        grades(ree, 200_000, "54", "3"));
    site(
        "mm-kangfang",
        "Kangfang",
        MYANMAR,
        26.120,
        98.560,
        pangwa,
        IcglrStatus.GREEN,
        ArmedGroupPresence.PRESENT,
        false,
        grades(ree, 300_000, "55", "3"));
    site(
        "mm-wawchon",
        "Wawchon",
        MYANMAR,
        25.900,
        98.380,
        pangwa,
        IcglrStatus.BLUE,
        ArmedGroupPresence.PRESENT,
        true,
        grades(ree, 150_000, "52", "3"));
    site(
        "mm-momauk",
        "Momauk",
        MYANMAR,
        24.250,
        97.400,
        momauk,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        false,
        grades(ree, 200_000, "51", "3"));
    site(
        "mm-sadon",
        "Sadon",
        MYANMAR,
        25.380,
        97.900,
        momauk,
        IcglrStatus.BLUE,
        ArmedGroupPresence.PRESENT,
        true,
        grades(ree, 100_000, "50", "3"));

    // Separation plants: concentrate in, separated oxides out; "sea days" are the days by road from
    // the border (a day to Tengchong, three to five to southern Jiangxi).
    Map<Mineral, List<SmelterProfile>> plants = new EnumMap<>(Mineral.class);
    plants.put(
        ree,
        List.of(
            smelter(
                "smelter-cn-ganzhou-ree",
                "Ganzhou Rare Earth Separation Co Ltd",
                CHINA,
                25.830,
                114.930,
                ree,
                Mineral.RARE_EARTH_OXIDES,
                "99.9",
                1.0,
                0.94,
                5,
                0.5),
            smelter(
                "smelter-cn-longnan",
                "Longnan Rare Earth Materials Co Ltd",
                CHINA,
                24.910,
                114.790,
                ree,
                Mineral.RARE_EARTH_OXIDES,
                "99.9",
                1.0,
                0.93,
                5,
                0.3),
            smelter(
                "smelter-cn-tengchong",
                "Tengchong Rare Earth Processing Co Ltd",
                CHINA,
                25.030,
                98.500,
                ree,
                Mineral.RARE_EARTH_OXIDES,
                "99.5",
                1.0,
                0.92,
                3,
                0.2)));

    Map<Country, RoadProfile> roads =
        Map.of(MYANMAR, new RoadProfile(15, 30, 1.8), CHINA, new RoadProfile(40, 70, 1.3));
    Map<Country, ZoneOffset> offsets =
        Map.of(MYANMAR, ZoneOffset.ofHoursMinutes(6, 30), CHINA, ZoneOffset.ofHours(8));
    List<Double> monthlyOutputFactors =
        List.of(1.1, 1.15, 1.15, 1.1, 1.0, 0.85, 0.7, 0.7, 0.85, 1.05, 1.15, 1.2);
    // Sacks of 25-50 kg, truck loads of 10-20 t (25 t at most), separated oxides in lots of 5 t.
    Scale scale =
        new Scale(
            "KREE",
            25_000,
            50_000,
            10_000_000,
            20_000_000,
            25_000_000,
            10_000_000,
            25_000_000,
            5_000_000,
            3_000,
            2_000);
    return new Geography(
        sites,
        actors,
        routesByTrader,
        exportRoutes,
        plants,
        roads,
        offsets,
        monthlyOutputFactors,
        scale);
  }
}
