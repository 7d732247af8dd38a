package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import org.oretrace.server.auth.AccessPolicy.Action;

/**
 * Who reads and answers community reports: the mining regulator's organisation only, with a role
 * {@link AccessPolicy} allows ({@link Action#READ_COMMUNITY_REPORTS} to read, {@link
 * Action#ANSWER_COMMUNITY_REPORTS} to ask questions and change status). To anyone else the reports
 * do not exist (404 for one, 403 for the list), whatever their role.
 *
 * <p>Until organisations carry a type, the regulator is the organisation named {@value #REGULATOR};
 * sharing a report with other agencies comes with organisation types. The reporter is not a caller
 * at all: the receipt code is the only key to a report from the public side.
 */
public final class CommunityReportAccess {

  /** The organisation that receives community reports. */
  public static final String REGULATOR = "regulator";

  private CommunityReportAccess() {}

  /** Whether the caller may see community reports at all. */
  public static boolean mayRead(Caller caller) {
    requireNonNull(caller, "caller is null");
    return REGULATOR.equals(caller.organisation())
        && AccessPolicy.allows(caller.role(), Action.READ_COMMUNITY_REPORTS);
  }

  /**
   * @throws AccessDeniedException when the caller is not of the regulator or its role may not read
   */
  public static void requireRead(Caller caller) {
    AccessPolicy.require(caller, Action.READ_COMMUNITY_REPORTS);
    requireRegulator(caller);
  }

  /**
   * @throws AccessDeniedException when the caller is not of the regulator or its role may not
   *     answer
   */
  public static void requireAnswer(Caller caller) {
    AccessPolicy.require(caller, Action.ANSWER_COMMUNITY_REPORTS);
    requireRegulator(caller);
  }

  private static void requireRegulator(Caller caller) {
    if (!REGULATOR.equals(caller.organisation())) {
      throw AccessDeniedException.forbidden(
          "community reports are read by the regulator (" + REGULATOR + ") only");
    }
  }
}
