package org.oretrace.core.detection;

/**
 * The detectors of the catalogue (DESIGN.md, M5), by the id the catalogue gives them, and the two
 * other sources of alerts: community reports (C1) and overdue corrective actions of audits (A1). D9
 * (actor-risk) screens actors against watch-lists rather than watching custody events (see {@link
 * ActorRisk}); D10 (mirror-trade) judges national trade statistics (see {@link MirrorTrade}).
 */
public enum DetectorId {
  D1("mass-balance", "an actor ships out more than it received and held"),
  D2("site-capacity", "a site tags more than it can produce"),
  D3("impossible-travel", "a lot moves faster than any road allows"),
  D4("tag-reuse", "a tag number is put on a second lot"),
  D5("mass-gain", "a lot gains mass in transit"),
  D6("grade-drift", "an assay far from the grade the lot's record carries"),
  D7("custody-gap", "a lot received by someone it was not shipped to, or silent for months"),
  D8("origin-risk", "ore tagged at a red or armed-group-controlled site"),
  D9("actor-risk", "an actor's name matches a sanctions or watch-list entry"),
  D10(
      "mirror-trade",
      "a country exports more than it mines, or partners import far more than it declares"),
  D11("round-tripping", "a lot exported, re-imported and re-exported under a new origin"),
  /** Not a detector: an incident reported by a community through the anonymous channel. */
  C1("community-report", "an incident reported at a site by its community"),
  /** Not a detector: a site whose audit's corrective actions are past their deadline. */
  A1("corrective-action-overdue", "a site's corrective actions are past their deadline");

  private final String slug;
  private final String description;

  DetectorId(String slug, String description) {
    this.slug = slug;
    this.description = description;
  }

  /** The catalogue name, e.g. "mass-balance". */
  public String slug() {
    return slug;
  }

  public String description() {
    return description;
  }

  /** Parses "D3" (case-insensitive) or a slug such as "impossible-travel". */
  public static DetectorId parse(String text) {
    if (text != null) {
      String trimmed = text.trim();
      for (DetectorId id : values()) {
        if (id.name().equalsIgnoreCase(trimmed) || id.slug.equalsIgnoreCase(trimmed)) {
          return id;
        }
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a detector; known: D1-D11, C1 and A1 (or their names, e.g. mass-gain)");
  }
}
