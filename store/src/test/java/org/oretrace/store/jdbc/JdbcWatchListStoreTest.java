package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.Country;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.AlertStore;
import org.oretrace.store.PageRequest;
import org.oretrace.store.WatchListStore.ImportSummary;
import org.oretrace.store.sqlite.SqliteStore;

class JdbcWatchListStoreTest {

  private static final Instant FIRST = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-02-10T08:00:00Z");

  @TempDir Path folder;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(folder.resolve("oretrace.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static WatchListEntry entry(String reference, String... names) {
    return new WatchListEntry(
        "UN",
        reference,
        EntityType.ORGANISATION,
        List.of(names),
        List.of(),
        List.of("Democratic Republic of the Congo"),
        List.of("Goma, North Kivu"),
        List.of("DRC"));
  }

  private static Actor actor(String id, String name) {
    return new Actor(id, name, ActorKind.COMPTOIR, Country.of("CD"), null, null);
  }

  private List<AlertStore.StoredAlert> d9Alerts() {
    return store
        .alerts()
        .alerts(
            new AlertStore.AlertFilter(DetectorId.D9, null, null, null, null, null, null),
            PageRequest.first(100))
        .items();
  }

  @Test
  void anImportStoresTheListAndSaysWhatChangedSinceTheLastOne() {
    ImportSummary first =
        store
            .watchLists()
            .replace(
                "UN",
                "un.xml",
                List.of(entry("CDe.001", "Allied Democratic Forces"), entry("CDe.002", "Kivu Ore")),
                FIRST);
    assertThat(first.added()).containsExactly("CDe.001", "CDe.002");
    assertThat(first.removed()).isEmpty();

    ImportSummary second =
        store
            .watchLists()
            .replace(
                "UN",
                "un.xml",
                List.of(
                    entry("CDe.001", "Allied Democratic Forces", "ADF"),
                    entry("CDe.003", "Mai-Mai Yakutumba")),
                SECOND);
    assertThat(second.added()).containsExactly("CDe.003");
    assertThat(second.removed()).containsExactly("CDe.002");
    assertThat(second.changed()).containsExactly("CDe.001");
    assertThat(second.line())
        .isEqualTo("UN: 2 entries; 1 added, 1 removed, 1 changed since the last import");
    assertThat(store.watchLists().count()).isEqualTo(2);
    assertThat(store.watchLists().entries())
        .contains(entry("CDe.001", "Allied Democratic Forces", "ADF"));
  }

  @Test
  void anEntryOfAnotherListIsRefusedAndNothingIsWritten() {
    assertThatThrownBy(
            () ->
                store
                    .watchLists()
                    .replace("OFAC-SDN", "sdn.csv", List.of(entry("CDe.001", "ADF")), FIRST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is on UN, not on OFAC-SDN");
    assertThat(store.watchLists().count()).isZero();
  }

  @Test
  void actorsAreScreenedWhenRegisteredAndWhenAListIsImported() {
    store.registry().putActors(List.of(actor("act-1", "Kivu Ore Trading SARL")));
    assertThat(d9Alerts()).isEmpty(); // no list yet

    store
        .watchLists()
        .replace("UN", "un.xml", List.of(entry("CDe.002", "Kivu Ore Trading")), FIRST);
    assertThat(d9Alerts())
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.alert().actorIds()).containsExactly("act-1");
              assertThat(stored.alert().explanation()).contains("UN entry CDe.002");
            });

    store
        .registry()
        .putActors(
            List.of(actor("act-2", "KIVU ORE TRADING"), actor("act-3", "Lake Tanganyika Tin")));
    assertThat(d9Alerts())
        .extracting(stored -> stored.alert().actorIds().get(0))
        .containsExactlyInAnyOrder("act-1", "act-2");

    store.registry().putActors(List.of(actor("act-1", "Kivu Ore Trading SARL")));
    assertThat(d9Alerts()).hasSize(2); // screening again stores nothing twice
  }
}
