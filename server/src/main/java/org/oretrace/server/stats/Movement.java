package org.oretrace.server.stats;

import java.time.YearMonth;
import org.oretrace.core.registry.Mineral;

/**
 * Mass moving from one node of the supply chain to the next: a site to the cooperative that tagged
 * it, one actor to another (transfer, domestic shipment), an exporter to a destination country, a
 * destination country to its importer.
 *
 * @param source a node id such as {@code site:S1}, {@code actor:A1} or {@code country:CN}
 * @param target a node id of the same form
 * @param eventId the event that moved it, by which a caller's scope filters movements
 */
record Movement(
    YearMonth month,
    Mineral mineral,
    MovementKind kind,
    String source,
    String target,
    long massGrams,
    String lotId,
    String eventId) {

  /** What made the mass move. */
  enum MovementKind {
    TAG,
    TRANSFER,
    SHIP,
    EXPORT,
    IMPORT
  }
}
