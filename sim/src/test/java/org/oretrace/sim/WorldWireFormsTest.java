package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerEntries;

/**
 * The capture path's decoder and ledger encoder against the tree path they replaced, on the events
 * of every scenario's world: the same events from the same batch bytes, and byte for byte the same
 * ledger entries (so the same leaf hashes) as the canonical writing of each event's wire tree.
 */
class WorldWireFormsTest {

  @Test
  void everyScenarioDecodesAndEncodesItsEventsAsTheTreePathDoes() {
    for (Scenario scenario : Scenario.all()) {
      World world = scenario.generate(SimulationOptions.of(2026, 1_000));
      List<CustodyEvent> events = world.events();
      assertThat(events).hasSizeGreaterThan(1_000);
      for (int start = 0; start < events.size(); start += 1_000) {
        List<CustodyEvent> batch = events.subList(start, Math.min(events.size(), start + 1_000));
        byte[] body = Json.bytes(EventJson.encodeAll(batch));
        List<CustodyEvent> streamed = EventJson.decodeBatch(body);
        assertThat(streamed)
            .as("%s from event %d", scenario.name(), start)
            .isEqualTo(EventJson.decodeBatch(Json.parse(body)))
            .isEqualTo(batch);
        for (CustodyEvent event : streamed) {
          assertThat(LedgerEntries.encode(event))
              .as("%s event %s", scenario.name(), event.id())
              .isEqualTo(LedgerEntries.encode(EventJson.encode(event)));
        }
      }
    }
  }
}
