package org.oretrace.core.registry;

/**
 * A mine site's status under the ICGLR Regional Certification Mechanism: green (certified
 * conflict-free), yellow (risks found, corrective actions under way), red (excluded: armed groups,
 * worst forms of child labour, or public security forces taxing the trade), blue (not yet inspected
 * or validated).
 */
public enum IcglrStatus {
  GREEN,
  YELLOW,
  RED,
  BLUE;

  public String wireName() {
    return WireNames.of(this);
  }

  public static IcglrStatus fromWireName(String name) {
    return WireNames.parse(IcglrStatus.class, name);
  }
}
