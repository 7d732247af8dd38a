package org.oretrace.core.detection;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * A small Kivu for detection tests: a green site (Luwowo, 20 t of coltan a month), a red one
 * (Rubaya), a gold working (Creporizao, 25 kg a month, placed nearby for brevity), a cooperative, a
 * trader in Goma, two comptoirs (Goma, Kigali), a customs office and a smelter; events built with a
 * clock the test moves, every batch checked against the structural rules (planted fraud must be
 * accepted fraud) and then shown to a detection engine.
 */
final class TestWorld implements Registry {

  static final String LUWOWO = "site-luwowo";
  static final String RUBAYA = "site-rubaya";
  static final String CREPORIZAO = "site-creporizao";
  static final String COOPERATIVE = "coop-luwowo";
  static final String RUBAYA_COOPERATIVE = "coop-rubaya";
  static final String TRADER = "trader-goma";
  static final String COMPTOIR = "comptoir-goma";
  static final String COMPTOIR_NEXT_DOOR = "comptoir-goma-2";
  static final String KIGALI_COMPTOIR = "comptoir-kigali";
  static final String CUSTOMS = "customs-goma";
  static final String KIGALI_CUSTOMS = "customs-kigali";
  static final String SMELTER = "smelter-penang";

  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Actor> actors = new HashMap<>();
  private final CustodyGraph graph = new CustodyGraph();
  private final DetectionEngine engine;
  private OffsetDateTime clock = OffsetDateTime.of(2025, 3, 3, 8, 0, 0, 0, ZoneOffset.ofHours(2));
  private int nextEvent = 1;

  TestWorld() {
    this(DetectionParameters.defaults());
  }

  TestWorld(DetectionParameters parameters) {
    site(LUWOWO, "Luwowo", -1.540, 28.860, IcglrStatus.GREEN, ArmedGroupPresence.PRESENT);
    site(RUBAYA, "Rubaya", -1.560, 28.880, IcglrStatus.RED, ArmedGroupPresence.CONTROLLED);
    sites.put(
        CREPORIZAO,
        new Site(
            CREPORIZAO,
            "Creporizao",
            Country.of("BR"),
            new GeoPoint(-1.560, 28.870),
            java.util.Set.of(Mineral.GOLD),
            Map.of(Mineral.GOLD, 25L),
            IcglrStatus.GREEN,
            ArmedGroupPresence.NONE,
            false));
    actor(COOPERATIVE, ActorKind.COOPERATIVE, "CD", -1.540, 28.860);
    actor(RUBAYA_COOPERATIVE, ActorKind.COOPERATIVE, "CD", -1.560, 28.880);
    actor(TRADER, ActorKind.TRADER, "CD", -1.570, 28.870);
    actor(COMPTOIR, ActorKind.COMPTOIR, "CD", -1.676, 29.228);
    actor(COMPTOIR_NEXT_DOOR, ActorKind.COMPTOIR, "CD", -1.665, 29.215);
    actor(KIGALI_COMPTOIR, ActorKind.COMPTOIR, "RW", -1.950, 30.060);
    actor(CUSTOMS, ActorKind.CUSTOMS_OFFICE, "CD", -1.690, 29.240);
    actor(KIGALI_CUSTOMS, ActorKind.CUSTOMS_OFFICE, "RW", -1.960, 30.080);
    actor(SMELTER, ActorKind.SMELTER, "MY", 5.400, 100.330);
    engine = DetectionEngine.create(this, parameters);
  }

  private void site(
      String id, String name, double lat, double lon, IcglrStatus status, ArmedGroupPresence ag) {
    sites.put(
        id,
        new Site(
            id,
            name,
            Country.of("CD"),
            new GeoPoint(lat, lon),
            java.util.Set.of(Mineral.COLTAN),
            Map.of(Mineral.COLTAN, 20_000L),
            status,
            ag,
            true));
  }

  private void actor(String id, ActorKind kind, String country, double lat, double lon) {
    actors.put(
        id, new Actor(id, "Actor " + id, kind, Country.of(country), new GeoPoint(lat, lon), null));
  }

  @Override
  public Optional<Site> site(String id) {
    return Optional.ofNullable(sites.get(id));
  }

  @Override
  public Optional<Actor> actor(String id) {
    return Optional.ofNullable(actors.get(id));
  }

  /** Moves the clock on. */
  TestWorld after(Duration duration) {
    clock = clock.plus(duration);
    return this;
  }

  TestWorld at(OffsetDateTime time) {
    clock = time;
    return this;
  }

  /** Checks, applies and detects over a batch; returns the alerts it raised. */
  List<Alert> record(CustodyEvent... events) {
    List<CustodyEvent> batch = Arrays.asList(events);
    graph.apply(graph.check(batch, this));
    return engine.accept(batch);
  }

  /** Records events one by one and gathers every alert. */
  List<Alert> recordEach(List<CustodyEvent> events) {
    List<Alert> alerts = new ArrayList<>();
    events.forEach(event -> alerts.addAll(record(event)));
    return alerts;
  }

  EventContext context(String actorId) {
    clock = clock.plus(Duration.ofMinutes(30));
    Actor actor = actors.get(actorId);
    return new EventContext(
        "ev-" + nextEvent++, clock, actor.location(), actorId, "device:" + actorId);
  }

  Tag tag(String lotId, String tagNumber, long grams, String percent) {
    return tagAt(LUWOWO, COOPERATIVE, lotId, tagNumber, grams, percent);
  }

  Tag tagAt(String site, String actor, String lotId, String tag, long grams, String percent) {
    return new Tag(
        context(actor), lotId, tag, site, Mineral.COLTAN, grams, Grade.ofPercent(percent));
  }

  /** A parcel of gold tagged by the Luwowo cooperative at Creporizao (25 kg a month). */
  Tag tagGold(String lotId, String tagNumber, long grams) {
    return new Tag(
        context(COOPERATIVE),
        lotId,
        tagNumber,
        CREPORIZAO,
        Mineral.GOLD,
        grams,
        Grade.ofPercent("85"));
  }

  /** A parcel of gold at Creporizao whose field estimate is the given purity in percent. */
  Tag tagGoldOfGrade(String lotId, String tagNumber, long grams, String percent) {
    return new Tag(
        context(COOPERATIVE),
        lotId,
        tagNumber,
        CREPORIZAO,
        Mineral.GOLD,
        grams,
        Grade.ofPercent(percent));
  }

  Ship ship(String by, String lotId, String consignee) {
    return new Ship(context(by), lotId, consignee, null);
  }

  Receive receive(String by, String lotId, long grams) {
    return new Receive(context(by), lotId, grams);
  }

  Transfer transfer(String by, String lotId, String to) {
    return new Transfer(context(by), lotId, to);
  }

  Merge merge(String by, String outputId, String tag, long grams, String... inputs) {
    return new Merge(context(by), Arrays.asList(inputs), new NewLot(outputId, tag, grams));
  }

  Split split(String by, String lotId, NewLot... parts) {
    return new Split(context(by), lotId, Arrays.asList(parts));
  }

  Assay assay(String by, String lotId, String percent) {
    return new Assay(context(by), lotId, Grade.ofPercent(percent), "Lab of " + by, null);
  }

  Export export(String customs, String lotId, String destination, long declaredGrams) {
    return new Export(
        context(customs),
        lotId,
        "EX-" + lotId + "-" + nextEvent,
        Country.of(destination),
        declaredGrams);
  }

  Import importLot(String by, String lotId, String origin, long grams) {
    return new Import(
        context(by), lotId, "IM-" + lotId + "-" + nextEvent, Country.of(origin), grams);
  }

  /** A bag tagged at Luwowo, sold to the Goma trader and on to the Goma comptoir. */
  List<CustodyEvent> honestBagToComptoir(String lotId, String tagNumber, long grams) {
    List<CustodyEvent> events = new ArrayList<>();
    events.add(tag(lotId, tagNumber, grams, "30"));
    after(Duration.ofDays(1));
    events.add(ship(COOPERATIVE, lotId, TRADER));
    after(Duration.ofHours(3));
    long atTrader = grams * 997 / 1000;
    events.add(receive(TRADER, lotId, atTrader));
    after(Duration.ofDays(2));
    events.add(ship(TRADER, lotId, COMPTOIR));
    after(Duration.ofHours(8));
    events.add(receive(COMPTOIR, lotId, atTrader * 997 / 1000));
    return events;
  }
}
