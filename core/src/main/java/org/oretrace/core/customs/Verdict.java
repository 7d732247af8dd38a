package org.oretrace.core.customs;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to a declaration: go when no rule objects, otherwise no-go with every reason, so that
 * the officer and the exporter see all there is to fix at once.
 *
 * @param originSiteIds the mine sites the declared lots come from, traced upstream
 */
public record Verdict(List<Reason> reasons, List<String> originSiteIds) {

  public Verdict {
    reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    originSiteIds = List.copyOf(requireNonNull(originSiteIds, "originSiteIds is null"));
  }

  public boolean go() {
    return reasons.isEmpty();
  }
}
