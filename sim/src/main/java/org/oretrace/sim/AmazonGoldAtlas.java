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
 * Amazon gold as data: 16 alluvial and small-scale gold workings (garimpos, minería informal) in
 * Brazil, Peru, Colombia, Venezuela, Guyana and Suriname, the cooperatives and permit holders that
 * work them, gold buyers in the mining towns, licensed exporters in the capitals and the refineries
 * in Switzerland, the Emirates, India and the United States that buy the doré.
 *
 * <p>The laundering story this world is built for is Brazil's: gold dug by garimpeiros on the
 * Yanomami indigenous territory (red: mining there is illegal and armed factions hold the
 * airstrips) is sold to the same Itaituba buyer (a DTVM purchase office) as the legal garimpos of
 * the Tapajós, and declared as theirs under their PLG permits (Permissão de Lavra Garimpeira). The
 * Federal Police and Instituto Escolhas traced this pattern in 2019-2023. Venezuelan gold from the
 * Orinoco Mining Arc, taxed by the sindicatos and the ELN, is the other known flow: smuggled to
 * Guyana and Colombia and exported as theirs (the round trips and the mirror-trade gap of this
 * world).
 *
 * <p>Places are real and coordinates approximate; every company, cooperative and permit number is
 * invented; statuses and capacities are plausible, not official. Figures from public reports
 * (Instituto Escolhas, Amazon Conservation's MAAP, Global Initiative against Transnational
 * Organized Crime, USGS): garimpo gold leaves as amalgam-burned gold of 85-93 % Au in parcels of a
 * few hundred grams; a mining front produces kilograms a month; exporters ship doré of 10-25 kg by
 * air; roads and rivers give 20-45 km/h; the southern Amazon's dry season (June-November) is the
 * peak, the rains close pits and airstrips from December to May.
 */
final class AmazonGoldAtlas extends AtlasBuilder {

  private static final Country BRAZIL = Country.of("BR");
  private static final Country PERU = Country.of("PE");
  private static final Country COLOMBIA = Country.of("CO");
  private static final Country VENEZUELA = Country.of("VE");
  private static final Country GUYANA = Country.of("GY");
  private static final Country SURINAME = Country.of("SR");
  private static final Country SWITZERLAND = Country.of("CH");
  private static final Country EMIRATES = Country.of("AE");
  private static final Country INDIA = Country.of("IN");
  private static final Country UNITED_STATES = Country.of("US");

  private AmazonGoldAtlas(LocalDate licencesFrom, LocalDate licencesUntil) {
    // The Orinoco Mining Arc and Colombia's gold regions are conflict-affected and high-risk.
    super(licencesFrom, licencesUntil, Set.of(VENEZUELA, COLOMBIA), "Cooperativa garimpeira ");
  }

  static Geography geography(LocalDate licencesFrom, LocalDate licencesUntil) {
    return new AmazonGoldAtlas(licencesFrom, licencesUntil).build();
  }

  private Geography build() {
    Actor brazilRoads =
        actor(
            "transporter-br-itaituba",
            "Transportadora Tapajos Ltda",
            ActorKind.TRANSPORTER,
            BRAZIL,
            -4.270,
            -55.990,
            "TR");
    Actor andeanRoads =
        actor(
            "transporter-co-medellin",
            "Transvalores Andinos SAS",
            ActorKind.TRANSPORTER,
            COLOMBIA,
            6.250,
            -75.570,
            "TR");
    Actor airFreight =
        actor(
            "transporter-br-guarulhos",
            "Valores Aereos Seguros Ltda",
            ActorKind.TRANSPORTER,
            BRAZIL,
            -23.430,
            -46.480,
            "TR");
    Actor guarulhos =
        customs(
            "customs-br-guarulhos",
            "Receita Federal - Guarulhos airport",
            BRAZIL,
            -23.435,
            -46.473);
    Actor callao =
        customs("customs-pe-callao", "SUNAT - Jorge Chavez airport", PERU, -12.022, -77.114);
    Actor rionegro =
        customs(
            "customs-co-rionegro", "DIAN - Jose Maria Cordova airport", COLOMBIA, 6.165, -75.423);
    Actor puertoOrdaz =
        customs("customs-ve-puertoordaz", "SENIAT Puerto Ordaz", VENEZUELA, 8.288, -62.760);
    Actor georgetown =
        customs("customs-gy-timehri", "GRA - Cheddi Jagan airport", GUYANA, 6.499, -58.254);
    Actor paramaribo =
        customs(
            "customs-sr-zanderij", "Douane - Johan Adolf Pengel airport", SURINAME, 5.452, -55.188);

    // Licensed exporters: two in Sao Paulo, Lima and Medellin, one elsewhere.
    Actor saoPaulo1 =
        comptoir(
            "comptoir-br-saopaulo-1", "Ouro Paulista Exportadora Ltda", BRAZIL, -23.550, -46.635);
    Actor saoPaulo2 =
        comptoir(
            "comptoir-br-saopaulo-2",
            "Bandeirantes Metais Preciosos Ltda",
            BRAZIL,
            -23.590,
            -46.680);
    Actor lima1 = comptoir("comptoir-pe-lima-1", "Andes Gold Export SAC", PERU, -12.090, -77.030);
    Actor lima2 =
        comptoir("comptoir-pe-lima-2", "Inca Metales Preciosos SAC", PERU, -12.120, -77.020);
    Actor medellin1 =
        comptoir("comptoir-co-medellin-1", "CI Oro de Antioquia SAS", COLOMBIA, 6.244, -75.581);
    Actor medellin2 =
        comptoir(
            "comptoir-co-medellin-2",
            "CI Metales del Valle de Aburra SAS",
            COLOMBIA,
            6.210,
            -75.570);
    Actor ciudadGuayana =
        comptoir(
            "comptoir-ve-guayana", "Oro del Orinoco Exportadora CA", VENEZUELA, 8.300, -62.720);
    Actor georgetownExporter =
        comptoir("comptoir-gy-georgetown", "Demerara Gold Exporters Inc", GUYANA, 6.805, -58.160);
    Actor paramariboExporter =
        comptoir("comptoir-sr-paramaribo", "Suriname Goud Export NV", SURINAME, 5.852, -55.203);
    Map<String, ExportRoute> exportRoutes = new LinkedHashMap<>();
    for (Actor exporter : List.of(saoPaulo1, saoPaulo2)) {
      exportRoutes.put(
          exporter.id(), new ExportRoute(exporter, guarulhos, "SGS Sao Paulo", airFreight, 0, 2));
    }
    for (Actor exporter : List.of(lima1, lima2)) {
      exportRoutes.put(
          exporter.id(),
          new ExportRoute(exporter, callao, "SGS del Peru Callao", andeanRoads, 0, 2));
    }
    for (Actor exporter : List.of(medellin1, medellin2)) {
      exportRoutes.put(
          exporter.id(),
          new ExportRoute(
              exporter, rionegro, "Laboratorio de la Casa de Moneda", andeanRoads, 0, 2));
    }
    exportRoutes.put(
        ciudadGuayana.id(),
        new ExportRoute(ciudadGuayana, puertoOrdaz, "Minerven laboratory", andeanRoads, 1, 4));
    exportRoutes.put(
        georgetownExporter.id(),
        new ExportRoute(
            georgetownExporter, georgetown, "Guyana Gold Board assay office", airFreight, 0, 2));
    exportRoutes.put(
        paramariboExporter.id(),
        new ExportRoute(
            paramariboExporter, paramaribo, "Paramaribo assay office", airFreight, 0, 2));

    // Gold buyers in the mining towns.
    Actor itaituba =
        trader("trader-br-itaituba", "Posto de Compra de Ouro Itaituba", BRAZIL, -4.276, -55.984);
    Actor pocone =
        trader("trader-br-pocone", "Ouro Pantanal Compra e Venda", BRAZIL, -16.256, -56.623);
    Actor puertoMaldonado =
        trader("trader-pe-puertomaldonado", "Acopiadora Madre de Dios SAC", PERU, -12.593, -69.189);
    Actor juliaca =
        trader("trader-pe-juliaca", "Comercial Aurifera del Altiplano SAC", PERU, -15.500, -70.133);
    Actor caucasia =
        trader(
            "trader-co-caucasia",
            "Comercializadora Aurifera del Bajo Cauca SAS",
            COLOMBIA,
            7.986,
            -75.198);
    Actor quibdo =
        trader("trader-co-quibdo", "Compraventa de Oro del Atrato SAS", COLOMBIA, 5.692, -76.658);
    Actor elCallaoBuyer =
        trader("trader-ve-elcallao", "Casa de Compra El Callao CA", VENEZUELA, 7.347, -61.826);
    Actor bartica =
        trader("trader-gy-bartica", "Essequibo Licensed Gold Dealers", GUYANA, 6.402, -58.622);
    Actor brownsweg =
        trader("trader-sr-brownsweg", "Brokopondo Goud Opkoop NV", SURINAME, 5.018, -55.170);
    List<TradeRoute> tradeRoutes =
        List.of(
            new TradeRoute(itaituba, brazilRoads, List.of(saoPaulo1, saoPaulo2), null, Set.of()),
            new TradeRoute(pocone, brazilRoads, List.of(saoPaulo1, saoPaulo2), null, Set.of()),
            new TradeRoute(puertoMaldonado, null, List.of(lima1, lima2), null, Set.of()),
            new TradeRoute(juliaca, null, List.of(lima1, lima2), null, Set.of()),
            new TradeRoute(caucasia, andeanRoads, List.of(medellin1, medellin2), null, Set.of()),
            new TradeRoute(quibdo, andeanRoads, List.of(medellin1, medellin2), null, Set.of()),
            new TradeRoute(elCallaoBuyer, null, List.of(ciudadGuayana), null, Set.of()),
            new TradeRoute(bartica, null, List.of(georgetownExporter), null, Set.of()),
            new TradeRoute(brownsweg, null, List.of(paramariboExporter), null, Set.of()));
    Map<String, TradeRoute> routesByTrader = new LinkedHashMap<>();
    tradeRoutes.forEach(route -> routesByTrader.put(route.trader().id(), route));

    // Brazil: the Yanomami territory (red, the first red site: its gold is the laundered one) and
    // the legal garimpos of the Tapajos that sell to the same Itaituba buyer.
    site(
        "br-homoxi",
        "Homoxi (Yanomami TI)",
        BRAZIL,
        2.530,
        -63.880,
        itaituba,
        IcglrStatus.RED,
        ArmedGroupPresence.CONTROLLED,
        true,
        grades(Mineral.GOLD, 60, "88", "2"));
    site(
        "br-creporizao",
        "Creporizao",
        BRAZIL,
        -6.830,
        -56.850,
        itaituba,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.GOLD, 40, "90", "1.5"));
    site(
        "br-jardimdoouro",
        "Jardim do Ouro",
        BRAZIL,
        -6.250,
        -55.770,
        itaituba,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.GOLD, 30, "89", "1.5"));
    site(
        "br-moraesalmeida",
        "Moraes Almeida",
        BRAZIL,
        -6.210,
        -55.620,
        itaituba,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.GOLD, 25, "88", "1.5"));
    site(
        "br-pocone",
        "Pocone",
        BRAZIL,
        -16.300,
        -56.650,
        pocone,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.GOLD, 35, "91", "1.5"));
    // Peru: Madre de Dios and the Altiplano.
    site(
        "pe-lapampa",
        "La Pampa",
        PERU,
        -12.950,
        -69.930,
        puertoMaldonado,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        true,
        grades(Mineral.GOLD, 45, "87", "2"));
    site(
        "pe-huaypetue",
        "Huaypetue",
        PERU,
        -13.070,
        -70.520,
        puertoMaldonado,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.GOLD, 30, "89", "1.5"));
    site(
        "pe-larinconada",
        "La Rinconada",
        PERU,
        -14.630,
        -69.450,
        juliaca,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.NONE,
        false,
        grades(Mineral.GOLD, 50, "90", "1.5"));
    // Colombia: Bajo Cauca and Segovia (Antioquia), the Atrato (Choco).
    site(
        "co-segovia",
        "Segovia",
        COLOMBIA,
        7.080,
        -74.700,
        caucasia,
        IcglrStatus.GREEN,
        ArmedGroupPresence.PRESENT,
        false,
        grades(Mineral.GOLD, 40, "91", "1.5"));
    site(
        "co-zaragoza",
        "Zaragoza",
        COLOMBIA,
        7.490,
        -74.870,
        caucasia,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        false,
        grades(Mineral.GOLD, 25, "88", "2"));
    site(
        "co-rioquito",
        "Rio Quito",
        COLOMBIA,
        5.480,
        -76.740,
        quibdo,
        IcglrStatus.BLUE,
        ArmedGroupPresence.PRESENT,
        true,
        grades(Mineral.GOLD, 20, "87", "2"));
    // Venezuela: the Orinoco Mining Arc.
    site(
        "ve-elcallao",
        "El Callao",
        VENEZUELA,
        7.350,
        -61.820,
        elCallaoBuyer,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.PRESENT,
        false,
        grades(Mineral.GOLD, 40, "86", "2"));
    site(
        "ve-lasclaritas",
        "Las Claritas",
        VENEZUELA,
        6.180,
        -61.430,
        elCallaoBuyer,
        IcglrStatus.BLUE,
        ArmedGroupPresence.PRESENT,
        true,
        grades(Mineral.GOLD, 25, "86", "2"));
    // Guyana and Suriname.
    site(
        "gy-mahdia",
        "Mahdia",
        GUYANA,
        5.270,
        -59.150,
        bartica,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.GOLD, 35, "90", "1.5"));
    site(
        "gy-puruni",
        "Puruni",
        GUYANA,
        6.350,
        -59.950,
        bartica,
        IcglrStatus.GREEN,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.GOLD, 25, "89", "1.5"));
    site(
        "sr-brokopondo",
        "Brokopondo",
        SURINAME,
        4.750,
        -55.000,
        brownsweg,
        IcglrStatus.YELLOW,
        ArmedGroupPresence.NONE,
        true,
        grades(Mineral.GOLD, 30, "88", "2"));

    // Refineries: gold in, gold out at 99.99 %; "sea days" are the days from the airport to the
    // refinery, a few by air.
    Map<Mineral, List<SmelterProfile>> refineries = new EnumMap<>(Mineral.class);
    refineries.put(
        Mineral.GOLD,
        List.of(
            smelter(
                "smelter-ch-mendrisio",
                "Alpine Precious Metals Refinery SA",
                SWITZERLAND,
                45.870,
                8.980,
                Mineral.GOLD,
                Mineral.GOLD,
                "99.99",
                1.0,
                0.985,
                4,
                0.45),
            smelter(
                "smelter-ae-dubai",
                "Gulf Bullion Refinery DMCC",
                EMIRATES,
                25.200,
                55.270,
                Mineral.GOLD,
                Mineral.GOLD,
                "99.99",
                1.0,
                0.98,
                4,
                0.25),
            smelter(
                "smelter-in-ahmedabad",
                "Sabarmati Gold Refinery Pvt Ltd",
                INDIA,
                23.020,
                72.570,
                Mineral.GOLD,
                Mineral.GOLD,
                "99.99",
                1.0,
                0.98,
                5,
                0.15),
            smelter(
                "smelter-us-miami",
                "Biscayne Precious Metals Refining LLC",
                UNITED_STATES,
                25.770,
                -80.190,
                Mineral.GOLD,
                Mineral.GOLD,
                "99.99",
                1.0,
                0.985,
                4,
                0.15)));

    Map<Country, RoadProfile> roads =
        Map.of(
            BRAZIL, new RoadProfile(25, 45, 1.5),
            PERU, new RoadProfile(25, 45, 1.6),
            COLOMBIA, new RoadProfile(20, 40, 1.7),
            VENEZUELA, new RoadProfile(30, 50, 1.4),
            GUYANA, new RoadProfile(20, 35, 1.5),
            SURINAME, new RoadProfile(25, 40, 1.4));
    Map<Country, ZoneOffset> offsets =
        Map.of(
            BRAZIL, ZoneOffset.ofHours(-3), // Para and Sao Paulo; Roraima and Mato Grosso are -4
            PERU, ZoneOffset.ofHours(-5),
            COLOMBIA, ZoneOffset.ofHours(-5),
            VENEZUELA, ZoneOffset.ofHours(-4),
            GUYANA, ZoneOffset.ofHours(-4),
            SURINAME, ZoneOffset.ofHours(-3),
            SWITZERLAND, ZoneOffset.ofHours(1),
            EMIRATES, ZoneOffset.ofHours(4),
            INDIA, ZoneOffset.ofHoursMinutes(5, 30),
            UNITED_STATES, ZoneOffset.ofHours(-5));
    List<Double> monthlyOutputFactors =
        List.of(0.85, 0.8, 0.8, 0.85, 0.95, 1.1, 1.2, 1.25, 1.2, 1.1, 1.0, 0.9);
    // Parcels of 100-800 g, exports of 8-20 kg of dore (25 kg at most), refined into bars of about
    // 12.5 kg (a London Good Delivery bar holds about 400 troy ounces); fire assay is precise to a
    // few hundredths of a point.
    Scale scale =
        new Scale("AU", 100, 800, 8_000, 20_000, 25_000, 10_000, 25_000, 12_500, 800, 500);
    return new Geography(
        sites,
        actors,
        routesByTrader,
        exportRoutes,
        refineries,
        roads,
        offsets,
        monthlyOutputFactors,
        scale);
  }
}
