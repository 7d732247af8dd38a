package org.oretrace.core.customs;

import org.oretrace.core.registry.WireNames;

/** Why a declaration gets a no-go: each code is one rule of {@link CustomsCheck}. */
public enum ReasonCode {
  /** The exporter is not in the registry. */
  UNKNOWN_EXPORTER,
  /** The exporter holds no licence. */
  EXPORTER_UNLICENSED,
  /** The exporter's licence is expired or not yet valid. */
  EXPORTER_LICENCE_INVALID,
  /** A watch-list screening hit (D9 actor-risk alert) on the exporter. */
  SANCTIONS_HIT,
  /** A detection or community alert naming the exporter, a declared lot or a lot upstream. */
  OPEN_ALERT,
  /** The lot is not in the custody record: it was never tagged. */
  NO_TAG,
  /** The lot (and its record) carries no grade: it was never assayed nor declared with one. */
  NO_ASSAY,
  /** The lot was already exported or consumed. */
  LOT_NOT_LIVE,
  /** The custody record has the lot with another holder than the exporter. */
  NOT_HELD_BY_EXPORTER,
  /** The declared mass differs from the lot's recorded mass beyond tolerance. */
  MASS_NOT_ACCOUNTED,
  /** An origin site is red (excluded) under the ICGLR mechanism. */
  ORIGIN_RED,
  /** An origin site is blue: not yet inspected or validated. */
  ORIGIN_UNVALIDATED,
  /** Armed groups are present at, or control, an origin site. */
  ORIGIN_ARMED_PRESENCE,
  /** An origin site is not in the registry. */
  ORIGIN_UNKNOWN;

  public String wireName() {
    return WireNames.of(this);
  }
}
