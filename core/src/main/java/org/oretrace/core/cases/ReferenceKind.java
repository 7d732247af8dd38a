package org.oretrace.core.cases;

import org.oretrace.core.registry.WireNames;

/** What a case's reference points at: a free-text note or something Oretrace already holds. */
public enum ReferenceKind {
  /** An investigator's note; the value is its text. */
  NOTE,
  /** A lot, by id. */
  LOT,
  /** An actor of the registry, by id. */
  ACTOR,
  /** An evidence file, by the SHA-256 it is stored under (POST /api/v1/evidence). */
  EVIDENCE,
  /** An alert raised by detection, by id. */
  ALERT;

  public String wireName() {
    return WireNames.of(this);
  }

  public static ReferenceKind fromWireName(String name) {
    return WireNames.parse(ReferenceKind.class, name);
  }
}
