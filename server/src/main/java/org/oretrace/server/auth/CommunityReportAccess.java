package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.server.auth.AccessPolicy.Action;

/**
 * Who reads and answers community reports: a report is seen by the organisations {@link
 * Scope#seesCommunityReport} names (the regulator of the site's country, and the agencies the
 * report is shared with), through a role {@link AccessPolicy} allows ({@link
 * Action#READ_COMMUNITY_REPORTS} to read); only the regulator's investigators and admins ask
 * questions and change the status ({@link Action#ANSWER_COMMUNITY_REPORTS}). To anyone else a
 * report does not exist (404), whatever its role.
 *
 * <p>Reports are not shared with other agencies yet, so the list of organisations a report is
 * shared with is empty. The reporter is not a caller at all: the receipt code is the only key to a
 * report from the public side.
 */
public final class CommunityReportAccess {

  private CommunityReportAccess() {}

  /** Whether the caller may see a report about a site of this country. */
  public static boolean maySee(Scope scope, Country siteCountry) {
    requireNonNull(scope, "scope is null");
    return AccessPolicy.allows(scope.caller(), Action.READ_COMMUNITY_REPORTS)
        && scope.seesCommunityReport(siteCountry, List.of());
  }

  /**
   * @throws AccessDeniedException when the caller's role or organisation type may not read reports
   */
  public static void requireRead(Caller caller) {
    AccessPolicy.require(caller, Action.READ_COMMUNITY_REPORTS);
  }

  /**
   * @throws AccessDeniedException when the caller's role or organisation type may not answer
   */
  public static void requireAnswer(Caller caller) {
    AccessPolicy.require(caller, Action.ANSWER_COMMUNITY_REPORTS);
  }
}
