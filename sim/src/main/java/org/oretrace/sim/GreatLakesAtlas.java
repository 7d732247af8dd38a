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
import org.oretrace.sim.Geography.SmelterProfile;
import org.oretrace.sim.Geography.TradeRoute;

/**
 * The Great Lakes 3T region as data: 21 artisanal mine sites in eastern DRC (North and South Kivu),
 * Rwanda, Burundi and Uganda, the cooperatives that work them, the négociants, comptoirs, a
 * concentration plant, transporters, customs offices and the Asian smelters that buy the ore.
 *
 * <p>Places are real and their coordinates approximate (rounded to about a kilometre, from public
 * maps such as IPIS's open data on artisanal mines in eastern DRC); every company, cooperative and
 * licence number is invented, and the ICGLR statuses, armed-group presence and capacities are
 * plausible, not official. The Rubaya-like site stands for the coltan hub of Masisi that armed
 * groups have held and taxed; it is red and under armed-group control.
 *
 * <p>Figures, from public knowledge of the trade (ITSCI, IPIS, USGS and OECD reports): coltan
 * grades 20-40 % Ta2O5, cassiterite 55-70 % Sn, wolframite 50-70 % WO3; artisanal bags of 25-60 kg;
 * comptoir export lots of a few tonnes; 20-40 km/h on eastern DRC's dirt roads, faster on the paved
 * roads of Rwanda and Uganda; rainy seasons (March-May, September-December) cut artisanal output
 * and slow the roads, the June-August dry season is the peak. Capacities are assessed artisanal
 * output in kg a month, tens of tonnes for the large sites.
 */
final class GreatLakesAtlas extends AtlasBuilder {

  private static final Country CONGO = Country.of("CD");
  private static final Country RWANDA = Country.of("RW");
  private static final Country BURUNDI = Country.of("BI");
  private static final Country UGANDA = Country.of("UG");
  private static final Country KENYA = Country.of("KE");
  private static final Country CHINA = Country.of("CN");
  private static final Country THAILAND = Country.of("TH");
  private static final Country MALAYSIA = Country.of("MY");
  private static final Country VIETNAM = Country.of("VN");

  private GreatLakesAtlas(LocalDate licencesFrom, LocalDate licencesUntil) {
    // All of eastern DRC is a conflict-affected and high-risk area.
    super(licencesFrom, licencesUntil, Set.of(CONGO), "Cooperative miniere de ");
  }

  /** The region, with every licence valid from {@code licencesFrom} to {@code licencesUntil}. */
  static Geography geography(LocalDate licencesFrom, LocalDate licencesUntil) {
    return new GreatLakesAtlas(licencesFrom, licencesUntil).build();
  }

  private Geography build() {
    // Transporters and customs offices first: the routes refer to them.
    Actor motorbikes =
        actor(
            "transporter-cd-masisi",
            "Masisi Moto Transport",
            ActorKind.TRANSPORTER,
            CONGO,
            -1.573,
            29.045,
            "TR");
    Actor kivuTrucks =
        actor(
            "transporter-cd-goma",
            "Kivu Trucking SARL",
            ActorKind.TRANSPORTER,
            CONGO,
            -1.680,
            29.225,
            "TR");
    Actor rwandaHaulage =
        actor(
            "transporter-rw-kigali",
            "Rwanda Mineral Haulage Ltd",
            ActorKind.TRANSPORTER,
            RWANDA,
            -1.955,
            30.095,
            "TR");
    Actor corridorFreight =
        actor(
            "transporter-ke-mombasa",
            "Northern Corridor Freight Ltd",
            ActorKind.TRANSPORTER,
            KENYA,
            -4.043,
            39.668,
            "TR");
    Actor gomaCustoms =
        customs(
            "customs-cd-goma", "DGDA Goma - Grande Barriere border post", CONGO, -1.686, 29.247);
    Actor bukavuCustoms =
        customs("customs-cd-bukavu", "DGDA Bukavu - Ruzizi I border post", CONGO, -2.484, 28.896);
    Actor kigaliCustoms =
        customs("customs-rw-kigali", "RRA Kigali customs office", RWANDA, -1.966, 30.123);
    Actor bujumburaCustoms =
        customs("customs-bi-bujumbura", "OBR Bujumbura port customs", BURUNDI, -3.385, 29.347);
    Actor kampalaCustoms =
        customs("customs-ug-kampala", "URA Kampala customs office", UGANDA, 0.330, 32.610);

    // Comptoirs (licensed exporters) and their export routes.
    Actor goma1 =
        comptoir("comptoir-cd-goma-1", "Grands Lacs Minerals SARL", CONGO, -1.676, 29.228);
    Actor goma2 =
        comptoir("comptoir-cd-goma-2", "Kivu Export Comptoir SARL", CONGO, -1.665, 29.215);
    Actor bukavu1 =
        comptoir("comptoir-cd-bukavu-1", "Bukavu Metals Comptoir SARL", CONGO, -2.497, 28.855);
    Actor bukavu2 =
        comptoir("comptoir-cd-bukavu-2", "Mont Kahuzi Trading SARL", CONGO, -2.510, 28.847);
    Actor kigali1 =
        comptoir("comptoir-rw-kigali-1", "Thousand Hills Minerals Ltd", RWANDA, -1.950, 30.060);
    Actor kigali2 =
        comptoir("comptoir-rw-kigali-2", "Nyabarongo Export Ltd", RWANDA, -1.975, 30.105);
    Actor bujumbura =
        comptoir("comptoir-bi-bujumbura", "Imbo Minerals Export SURL", BURUNDI, -3.380, 29.365);
    Actor kampala =
        comptoir("comptoir-ug-kampala", "Lake Victoria Minerals Export Ltd", UGANDA, 0.315, 32.585);
    Map<String, ExportRoute> exportRoutes = new LinkedHashMap<>();
    for (Actor comptoir : List.of(goma1, goma2)) {
      exportRoutes.put(
          comptoir.id(),
          new ExportRoute(comptoir, gomaCustoms, "CEEC Goma", corridorFreight, 8, 16));
    }
    for (Actor comptoir : List.of(bukavu1, bukavu2)) {
      exportRoutes.put(
          comptoir.id(),
          new ExportRoute(comptoir, bukavuCustoms, "CEEC Bukavu", corridorFreight, 8, 16));
    }
    for (Actor comptoir : List.of(kigali1, kigali2)) {
      exportRoutes.put(
          comptoir.id(),
          new ExportRoute(
              comptoir, kigaliCustoms, "RMB laboratory Kigali", corridorFreight, 6, 12));
    }
    exportRoutes.put(
        bujumbura.id(),
        new ExportRoute(
            bujumbura, bujumburaCustoms, "OBM laboratory Bujumbura", corridorFreight, 7, 14));
    exportRoutes.put(
        kampala.id(),
        new ExportRoute(kampala, kampalaCustoms, "DGSM laboratory Entebbe", corridorFreight, 4, 9));

    Actor processor =
        actor(
            "processor-rw-kigali",
            "Kigali Mineral Concentration Plant Ltd",
            ActorKind.PROCESSOR,
            RWANDA,
            -1.925,
            30.145,
            "PROC");

    // Traders (négociants) and where they sell.
    Actor rubayaTrader =
        trader("trader-cd-rubaya", "Etablissements Masisi Negoce", CONGO, -1.556, 28.878);
    Actor mubiTrader = trader("trader-cd-mubi", "Walikale Negoce Minerais", CONGO, -1.210, 27.980);
    Actor nyabibweTrader =
        trader("trader-cd-nyabibwe", "Kalehe Negoce Minerais", CONGO, -1.965, 28.935);
    Actor bukavuTrader =
        trader("trader-cd-bukavu", "Maison Sud-Kivu Negoce", CONGO, -2.505, 28.860);
    Actor musanzeTrader =
        trader("trader-rw-musanze", "Virunga Minerals Trading Ltd", RWANDA, -1.500, 29.635);
    Actor rwamaganaTrader =
        trader("trader-rw-rwamagana", "Eastern Minerals Trading Ltd", RWANDA, -1.949, 30.435);
    Actor kayanzaTrader =
        trader("trader-bi-kayanza", "Kayanza Negoce Minerais", BURUNDI, -2.920, 29.630);
    Actor kabaleTrader =
        trader("trader-ug-kabale", "Kigezi Mineral Dealers Ltd", UGANDA, -1.249, 29.990);
    Set<Mineral> upgraded = Set.of(Mineral.CASSITERITE, Mineral.WOLFRAMITE);
    List<TradeRoute> tradeRoutes =
        List.of(
            new TradeRoute(rubayaTrader, motorbikes, List.of(goma1, goma2), null, Set.of()),
            new TradeRoute(mubiTrader, kivuTrucks, List.of(goma1, goma2), null, Set.of()),
            new TradeRoute(nyabibweTrader, null, List.of(bukavu1, bukavu2), null, Set.of()),
            new TradeRoute(bukavuTrader, kivuTrucks, List.of(bukavu1, bukavu2), null, Set.of()),
            new TradeRoute(
                musanzeTrader, rwandaHaulage, List.of(kigali1, kigali2), processor, upgraded),
            new TradeRoute(
                rwamaganaTrader, rwandaHaulage, List.of(kigali1, kigali2), processor, upgraded),
            new TradeRoute(kayanzaTrader, null, List.of(bujumbura), null, Set.of()),
            new TradeRoute(kabaleTrader, null, List.of(kampala), null, Set.of()));
    Map<String, TradeRoute> tradeRoutesByTrader = new LinkedHashMap<>();
    tradeRoutes.forEach(route -> tradeRoutesByTrader.put(route.trader().id(), route));
    // The concentration plant sells its concentrates to the Kigali comptoirs.
    tradeRoutesByTrader.put(
        processor.id(),
        new TradeRoute(processor, rwandaHaulage, List.of(kigali1, kigali2), null, Set.of()));

    // North Kivu (DRC): Masisi coltan and Walikale cassiterite.
    site(
        "cd-rubaya",
        "Rubaya",
        CONGO,
        -1.560,
        28.880,
        rubayaTrader,
        IcglrStatus.RED,
        ArmedGroupPresence.CONTROLLED,
        false,
        grades(Mineral.COLTAN, 150_000, "32", "3"));
    site(
        "cd-luwowo",
        "Luwowo",
        CONGO,
        -1.540,
        28.860,
        rubayaTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.PRESENT,
        false,
        grades(Mineral.COLTAN, 20_000, "30", "3"));
    site(
        "cd-ngungu",
        "Ngungu",
        CONGO,
        -1.640,
        28.800,
        rubayaTrader,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        false,
        grades(Mineral.COLTAN, 12_000, "27", "3"));
    site(
        "cd-bisie",
        "Bisie",
        CONGO,
        -1.030,
        27.670,
        mubiTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.CASSITERITE, 120_000, "68", "1.5"));
    site(
        "cd-omate",
        "Omate",
        CONGO,
        -1.120,
        27.930,
        mubiTrader,
        IcglrStatus.BLUE,
        ArmedGroupPresence.PRESENT,
        true,
        grades(Mineral.COLTAN, 10_000, "29", "3"));
    // South Kivu (DRC): Kalehe cassiterite, Uvira and Walungu.
    site(
        "cd-nyabibwe",
        "Nyabibwe",
        CONGO,
        -1.970,
        28.940,
        nyabibweTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 40_000, "63", "2"));
    site(
        "cd-kalimbi",
        "Kalimbi",
        CONGO,
        -1.950,
        28.910,
        nyabibweTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 30_000, "60", "2"));
    site(
        "cd-numbi",
        "Numbi",
        CONGO,
        -1.820,
        28.860,
        nyabibweTrader,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        true,
        grades(Mineral.COLTAN, 12_000, "24", "3", Mineral.CASSITERITE, 8_000, "57", "2"));
    site(
        "cd-lemera",
        "Lemera",
        CONGO,
        -3.020,
        28.970,
        bukavuTrader,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        true,
        grades(Mineral.COLTAN, 15_000, "26", "3", Mineral.CASSITERITE, 10_000, "58", "2"));
    site(
        "cd-nzibira",
        "Nzibira",
        CONGO,
        -2.870,
        28.600,
        bukavuTrader,
        IcglrStatus.BLUE,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 20_000, "60", "2", Mineral.WOLFRAMITE, 5_000, "55", "3"));
    // Rwanda.
    site(
        "rw-gatumba",
        "Gatumba",
        RWANDA,
        -1.920,
        29.590,
        musanzeTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.COLTAN, 30_000, "22", "2.5", Mineral.CASSITERITE, 20_000, "58", "2"));
    site(
        "rw-musha",
        "Musha",
        RWANDA,
        -1.960,
        30.330,
        rwamaganaTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 40_000, "63", "2"));
    site(
        "rw-nyakabingo",
        "Nyakabingo",
        RWANDA,
        -1.790,
        29.980,
        musanzeTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.WOLFRAMITE, 60_000, "62", "3"));
    site(
        "rw-rutongo",
        "Rutongo",
        RWANDA,
        -1.840,
        30.060,
        musanzeTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 80_000, "64", "2"));
    site(
        "rw-rwinkwavu",
        "Rwinkwavu",
        RWANDA,
        -1.970,
        30.610,
        rwamaganaTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 25_000, "61", "2"));
    site(
        "rw-gifurwe",
        "Gifurwe",
        RWANDA,
        -1.590,
        29.840,
        musanzeTrader,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.WOLFRAMITE, 30_000, "58", "3"));
    // Burundi.
    site(
        "bi-kabarore",
        "Kabarore",
        BURUNDI,
        -2.860,
        29.640,
        kayanzaTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 15_000, "60", "2", Mineral.COLTAN, 5_000, "27", "3"));
    site(
        "bi-murehe",
        "Murehe",
        BURUNDI,
        -2.390,
        30.200,
        kayanzaTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.CASSITERITE, 20_000, "62", "2"));
    site(
        "bi-mukenke",
        "Mukenke",
        BURUNDI,
        -2.470,
        30.070,
        kayanzaTrader,
        IcglrStatus.BLUE,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.COLTAN, 8_000, "29", "3"));
    // Uganda (Kigezi wolframite).
    site(
        "ug-nyamulilo",
        "Nyamulilo",
        UGANDA,
        -1.150,
        29.740,
        kabaleTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.WOLFRAMITE, 20_000, "65", "3"));
    site(
        "ug-kirwa",
        "Kirwa",
        UGANDA,
        -1.220,
        29.700,
        kabaleTrader,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.WOLFRAMITE, 10_000, "60", "3"));

    // Smelters. Ta in Ta2O5 is 2 x 180.95 / 441.89 = 0.819 of the mass; W in WO3 is 0.793.
    Map<Mineral, List<SmelterProfile>> smelters = new EnumMap<>(Mineral.class);
    smelters.put(
        Mineral.COLTAN,
        List.of(
            smelter(
                "smelter-cn-shizuishan",
                "Shizuishan Tantalum Works Co Ltd",
                CHINA,
                39.010,
                106.380,
                Mineral.COLTAN,
                Mineral.TANTALUM,
                "99.95",
                0.819,
                0.92,
                28,
                0.6),
            smelter(
                "smelter-cn-jiujiang",
                "Jiujiang Rare Metals Smelting Co Ltd",
                CHINA,
                29.710,
                116.000,
                Mineral.COLTAN,
                Mineral.TANTALUM,
                "99.95",
                0.819,
                0.91,
                26,
                0.4)));
    smelters.put(
        Mineral.CASSITERITE,
        List.of(
            smelter(
                "smelter-th-phuket",
                "Andaman Tin Smelting Co Ltd",
                THAILAND,
                7.860,
                98.400,
                Mineral.CASSITERITE,
                Mineral.TIN,
                "99.9",
                1.0,
                0.97,
                16,
                0.5),
            smelter(
                "smelter-my-butterworth",
                "Straits Tin Smelting Sdn Bhd",
                MALAYSIA,
                5.400,
                100.370,
                Mineral.CASSITERITE,
                Mineral.TIN,
                "99.9",
                1.0,
                0.96,
                15,
                0.5)));
    smelters.put(
        Mineral.WOLFRAMITE,
        List.of(
            smelter(
                "smelter-cn-ganzhou",
                "Gannan Tungsten Smelting Co Ltd",
                CHINA,
                25.830,
                114.930,
                Mineral.WOLFRAMITE,
                Mineral.TUNGSTEN,
                "99.95",
                0.793,
                0.95,
                27,
                0.6),
            smelter(
                "smelter-vn-thainguyen",
                "Thai Nguyen Tungsten Materials JSC",
                VIETNAM,
                21.590,
                105.850,
                Mineral.WOLFRAMITE,
                Mineral.TUNGSTEN,
                "99.95",
                0.793,
                0.94,
                22,
                0.4)));

    Map<Country, RoadProfile> roads =
        Map.of(
            CONGO, new RoadProfile(20, 40, 1.5),
            RWANDA, new RoadProfile(35, 55, 1.35),
            BURUNDI, new RoadProfile(30, 50, 1.4),
            UGANDA, new RoadProfile(35, 55, 1.35));
    ZoneOffset centralAfrica = ZoneOffset.ofHours(2);
    ZoneOffset eastAfrica = ZoneOffset.ofHours(3);
    Map<Country, ZoneOffset> offsets =
        Map.of(
            CONGO, centralAfrica, // the Kivus keep Central Africa Time; Kinshasa is +01:00
            RWANDA, centralAfrica,
            BURUNDI, centralAfrica,
            UGANDA, eastAfrica,
            KENYA, eastAfrica,
            CHINA, ZoneOffset.ofHours(8),
            MALAYSIA, ZoneOffset.ofHours(8),
            THAILAND, ZoneOffset.ofHours(7),
            VIETNAM, ZoneOffset.ofHours(7));
    List<Double> monthlyOutputFactors =
        List.of(1.05, 1.05, 0.9, 0.8, 0.9, 1.2, 1.25, 1.2, 1.0, 0.9, 0.85, 0.9);
    return new Geography(
        sites,
        actors,
        tradeRoutesByTrader,
        exportRoutes,
        smelters,
        roads,
        offsets,
        monthlyOutputFactors,
        Geography.Scale.ores());
  }
}
