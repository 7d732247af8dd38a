package org.oretrace.core.registry;

/** Whether armed groups operate at a site: none, present nearby or taxing, or in control. */
public enum ArmedGroupPresence {
  NONE,
  PRESENT,
  CONTROLLED;

  public String wireName() {
    return WireNames.of(this);
  }

  public static ArmedGroupPresence fromWireName(String name) {
    return WireNames.parse(ArmedGroupPresence.class, name);
  }
}
