package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.Country;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.sim.Scenario;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.sqlite.SqliteStore;

class DemoCommandTest {

  @TempDir Path folder;

  /**
   * The demo's own world (seed 42, 2,000 lots) loaded as {@code oretrace demo} loads it: its trade
   * statistics raise a D10 alert on the DRC, the country the demo's users work for, so that the
   * country screen they see first shows one.
   */
  @Test
  void theDemosWorldRaisesAMirrorTradeAlertOnTheDrc() {
    DemoCommand demo = new DemoCommand();
    demo.simulation.seed = 42;
    demo.simulation.lots = 2_000;
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      demo.load(Recorder.open(store), Scenario.greatLakes());

      Country drc = new Country("CD");
      List<StoredAlert> mirror =
          store
              .alerts()
              .alerts(
                  new AlertFilter(DetectorId.D10, null, null, null, drc, null, null, null),
                  PageRequest.first(100))
              .items();
      assertThat(mirror)
          .as("D10 alerts on the DRC")
          .isNotEmpty()
          .allSatisfy(alert -> assertThat(alert.alert().countries()).contains(drc));
      assertThat(mirror.getFirst().alert().explanation()).isNotBlank();
    }
  }
}
