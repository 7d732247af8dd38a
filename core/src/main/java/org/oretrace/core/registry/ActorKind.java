package org.oretrace.core.registry;

/** The part an actor plays in the supply chain. */
public enum ActorKind {
  /** A miners' cooperative holding the mining rights at artisanal sites. */
  COOPERATIVE,
  /** A licensed trader (négociant) buying from cooperatives. */
  TRADER,
  /** A comptoir: a licensed exporter. */
  COMPTOIR,
  /** A processor that concentrates or upgrades ore. */
  PROCESSOR,
  /** A smelter or refiner, the end of the mineral supply chain. */
  SMELTER,
  /** A transporter carrying lots between holders. */
  TRANSPORTER,
  /** A customs office at a border post or port. */
  CUSTOMS_OFFICE;

  public String wireName() {
    return WireNames.of(this);
  }

  public static ActorKind fromWireName(String name) {
    return WireNames.parse(ActorKind.class, name);
  }
}
