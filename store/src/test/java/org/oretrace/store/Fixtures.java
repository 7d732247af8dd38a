package org.oretrace.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Licence;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;

/** A small Kivu world for store tests: two sites, a cooperative, a trader, a comptoir. */
public final class Fixtures {

  public static final GeoPoint RUBAYA = new GeoPoint(-1.5536, 28.8803);
  public static final GeoPoint GOMA = new GeoPoint(-1.6792, 29.2228);
  public static final OffsetDateTime START =
      OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(2));

  private Fixtures() {}

  public static List<Site> sites() {
    return List.of(
        new Site(
            "site-rubaya",
            "Rubaya (D2 Gakombe)",
            Country.of("CD"),
            RUBAYA,
            Set.of(Mineral.COLTAN),
            Map.of(Mineral.COLTAN, 90_000L),
            IcglrStatus.RED,
            ArmedGroupPresence.CONTROLLED,
            true),
        new Site(
            "site-nyabibwe",
            "Nyabibwe",
            Country.of("CD"),
            new GeoPoint(-1.9833, 28.9667),
            Set.of(Mineral.CASSITERITE, Mineral.COLTAN),
            Map.of(Mineral.CASSITERITE, 20_000L),
            IcglrStatus.GREEN,
            ArmedGroupPresence.NONE,
            true));
  }

  public static List<Actor> actors() {
    Licence licence = new Licence("LIC-1", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
    return List.of(
        new Actor(
            "coop-1",
            "Coopérative Minière de Rubaya",
            ActorKind.COOPERATIVE,
            Country.of("CD"),
            RUBAYA,
            licence),
        new Actor("trader-1", "Négociant Kivu", ActorKind.TRADER, Country.of("CD"), GOMA, null),
        new Actor(
            "comptoir-1", "Comptoir Goma", ActorKind.COMPTOIR, Country.of("CD"), GOMA, licence));
  }

  public static EventContext context(String id, int hours, String actor) {
    return new EventContext(id, START.plusHours(hours), RUBAYA, actor, "test-device");
  }

  /** Two bags tagged, shipped to and received by the trader, merged, and exported. */
  public static List<CustodyEvent> chain() {
    return List.of(
        new Tag(
            context("ev-1", 0, "coop-1"),
            "lot-1",
            "TAG-1",
            "site-rubaya",
            Mineral.COLTAN,
            40_000,
            Grade.ofPercent("31.5")),
        new Tag(
            context("ev-2", 0, "coop-1"),
            "lot-2",
            "TAG-2",
            "site-nyabibwe",
            Mineral.COLTAN,
            35_000,
            null),
        new Ship(context("ev-3", 1, "coop-1"), "lot-1", "trader-1", null),
        new Receive(context("ev-4", 9, "trader-1"), "lot-1", 39_900),
        new Merge(
            context("ev-5", 10, "trader-1"),
            List.of("lot-1", "lot-2"),
            new NewLot("lot-3", "TAG-3", 74_900)),
        new Export(
            context("ev-6", 30, "trader-1"), "lot-3", "DRC-2025-0001", Country.of("RW"), 74_900));
  }
}
