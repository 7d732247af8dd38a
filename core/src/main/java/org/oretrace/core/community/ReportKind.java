package org.oretrace.core.community;

import org.oretrace.core.registry.WireNames;

/** What a community report is about: the incidents the OECD Annex II red flags name, or other. */
public enum ReportKind {
  ARMED_PRESENCE("armed men present at or taxing the site"),
  CHILD_LABOUR("children working at the site"),
  ILLEGAL_TAXATION("illegal taxes or bribes taken at the site or on the road"),
  SMUGGLING("ore smuggled or tagged as from elsewhere"),
  OTHER("another incident");

  private final String description;

  ReportKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public String wireName() {
    return WireNames.of(this);
  }

  public static ReportKind fromWireName(String name) {
    return WireNames.parse(ReportKind.class, name);
  }
}
