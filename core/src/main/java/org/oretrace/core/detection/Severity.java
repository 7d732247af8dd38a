package org.oretrace.core.detection;

import org.oretrace.core.registry.WireNames;

/** How urgently an alert needs a human: derived from its score so that every detector agrees. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /** HIGH from a score of 0.85, MEDIUM from 0.6, LOW below. */
  public static Severity forScore(double score) {
    if (score >= 0.85) {
      return HIGH;
    }
    return score >= 0.6 ? MEDIUM : LOW;
  }

  public String wireName() {
    return WireNames.of(this);
  }

  public static Severity fromWireName(String name) {
    return WireNames.parse(Severity.class, name);
  }
}
