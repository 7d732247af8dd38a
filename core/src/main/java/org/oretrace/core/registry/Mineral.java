package org.oretrace.core.registry;

/**
 * The minerals and the products that Oretrace traces, each with the HS code that customs declares
 * it under and the constituent its grade measures.
 *
 * <p>HS codes (WCO Harmonized System, 6 digits): tantalum/niobium ores 2615.90; tin ores 2609.00;
 * tungsten ores 2611.00; non-monetary unwrought gold 7108.12; rare-earth concentrates are usually
 * declared under 2530.90 (mineral substances n.e.s.); unwrought tin 8001.10; unwrought tantalum
 * 8103.20; unwrought tungsten 8101.94; rare-earth compounds 2846.90.
 */
public enum Mineral {
  COLTAN("261590", "Ta2O5", true),
  CASSITERITE("260900", "Sn", true),
  WOLFRAMITE("261100", "WO3", true),
  GOLD("710812", "Au", true),
  RARE_EARTH_CONCENTRATE("253090", "TREO", true),
  TIN("800110", "Sn", false),
  TANTALUM("810320", "Ta", false),
  TUNGSTEN("810194", "W", false),
  RARE_EARTH_OXIDES("284690", "TREO", false);

  private final String harmonizedSystemCode;
  private final String gradeConstituent;
  private final boolean mined;
  // Worked out once: the capture path writes it for every tag and process output it encodes.
  private final String wireName;

  Mineral(String harmonizedSystemCode, String gradeConstituent, boolean mined) {
    this.harmonizedSystemCode = harmonizedSystemCode;
    this.gradeConstituent = gradeConstituent;
    this.mined = mined;
    this.wireName = WireNames.of(this);
  }

  /** The six-digit Harmonized System code, e.g. "261590". */
  public String harmonizedSystemCode() {
    return harmonizedSystemCode;
  }

  /** What the grade of this mineral measures, e.g. "Ta2O5". */
  public String gradeConstituent() {
    return gradeConstituent;
  }

  /** True for ores and concentrates that come out of a mine; false for processed metal. */
  public boolean mined() {
    return mined;
  }

  /** The name on the wire: lower case with hyphens, e.g. "rare-earth-concentrate". */
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name ("coltan", "rare-earth-concentrate"), case-insensitively. */
  public static Mineral fromWireName(String name) {
    return WireNames.parse(Mineral.class, name);
  }
}
