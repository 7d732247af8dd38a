package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.customs.AlertSubjects;
import org.oretrace.core.detection.Alert;

/**
 * Every stored alert in memory, by the lots and actors it names: what the customs check asks for
 * every lot upstream of a declaration, thousands of times per answer, which a query per lot could
 * not serve in time.
 *
 * <p>Only open alerts are indexed: an alert an analyst closed no longer stands in a declaration's
 * way. Alerts are only ever added and their status changes are only ever appended, so {@link
 * AlertStore#version()} tells whether the index is current: each lookup compares it, two counts,
 * and reloads everything when it moved. Reloading is a full read, which is fine at the thousands of
 * alerts a national deployment raises; an index fed by the alert writers would be the next step.
 */
public final class AlertIndex implements AlertSubjects {

  private static final AlertStore.AlertFilter OPEN =
      new AlertStore.AlertFilter(
          null, null, null, null, null, null, null, null, AlertStore.Status.OPEN);

  private final AlertStore alerts;
  private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Map.of());

  public AlertIndex(AlertStore alerts) {
    this.alerts = requireNonNull(alerts, "alerts is null");
  }

  private record Snapshot(
      long version, Map<String, List<Alert>> byLot, Map<String, List<Alert>> byActor) {}

  /** Reloads when alerts were added or closed since the last look; call once per request. */
  public AlertIndex refresh() {
    long version = alerts.version();
    if (version != snapshot.version()) {
      reload(version);
    }
    return this;
  }

  private synchronized void reload(long version) {
    Map<String, List<Alert>> byLot = new HashMap<>();
    Map<String, List<Alert>> byActor = new HashMap<>();
    int offset = 0;
    while (true) {
      Page<AlertStore.StoredAlert> page =
          alerts.alerts(OPEN, new PageRequest(offset, PageRequest.MAX_LIMIT));
      for (AlertStore.StoredAlert stored : page.items()) {
        Alert alert = stored.alert();
        alert
            .lotIds()
            .forEach(lot -> byLot.computeIfAbsent(lot, key -> new ArrayList<>()).add(alert));
        alert
            .actorIds()
            .forEach(actor -> byActor.computeIfAbsent(actor, key -> new ArrayList<>()).add(alert));
      }
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    snapshot = new Snapshot(version, byLot, byActor);
  }

  @Override
  public List<Alert> aboutLot(String lotId) {
    return snapshot.byLot().getOrDefault(lotId, List.of());
  }

  @Override
  public List<Alert> aboutActor(String actorId) {
    return snapshot.byActor().getOrDefault(actorId, List.of());
  }
}
