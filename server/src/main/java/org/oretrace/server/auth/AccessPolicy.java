package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.access.Role;
import org.oretrace.core.registry.WireNames;

/**
 * The one place that says which roles may do what. Reads of the custody record are open for now;
 * cases are the first thing restricted by organisation as well as by role, and {@link CaseAccess}
 * applies that rule on top of the role rules here.
 */
public final class AccessPolicy {

  /** What a request asks to do. */
  public enum Action {
    /** Record custody events. */
    RECORD_EVENTS,
    /** Add or replace sites and actors. */
    WRITE_REGISTRY,
    /** Register and revoke field devices. */
    MANAGE_DEVICES,
    /** Upload evidence files. */
    UPLOAD_EVIDENCE,
    /** Read the cases visible to the caller's organisation (see {@link CaseAccess}). */
    READ_CASES,
    /** Open cases and act on those visible to the caller's organisation. */
    WORK_CASES,
    /** Record third-party audits of sites (which change their ICGLR status) and follow them up. */
    RECORD_AUDITS,
    /**
     * Read community reports (only the regulator's organisation: {@link CommunityReportAccess}).
     */
    READ_COMMUNITY_REPORTS,
    /** Ask a reporter questions and change a report's status (the regulator's organisation). */
    ANSWER_COMMUNITY_REPORTS,
    /** Ask customs go/no-go for a declaration. */
    CHECK_DECLARATIONS,
    /** Read due-diligence reports and CMRT exports of a company. */
    READ_REPORTS;

    public String wireName() {
      return WireNames.of(this);
    }
  }

  private static final Map<Action, Set<Role>> ALLOWED = new EnumMap<>(Action.class);

  static {
    ALLOWED.put(Action.RECORD_EVENTS, EnumSet.of(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN));
    ALLOWED.put(Action.WRITE_REGISTRY, EnumSet.of(Role.ADMIN));
    ALLOWED.put(Action.MANAGE_DEVICES, EnumSet.of(Role.ADMIN));
    ALLOWED.put(Action.UPLOAD_EVIDENCE, EnumSet.of(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN));
    ALLOWED.put(Action.READ_CASES, EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN));
    ALLOWED.put(Action.WORK_CASES, EnumSet.of(Role.INVESTIGATOR, Role.ADMIN));
    ALLOWED.put(Action.RECORD_AUDITS, EnumSet.of(Role.ADMIN));
    ALLOWED.put(
        Action.READ_COMMUNITY_REPORTS, EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN));
    ALLOWED.put(Action.ANSWER_COMMUNITY_REPORTS, EnumSet.of(Role.INVESTIGATOR, Role.ADMIN));
    ALLOWED.put(Action.CHECK_DECLARATIONS, EnumSet.allOf(Role.class));
    ALLOWED.put(Action.READ_REPORTS, EnumSet.allOf(Role.class));
  }

  private AccessPolicy() {}

  public static boolean allows(Role role, Action action) {
    requireNonNull(role, "role is null");
    requireNonNull(action, "action is null");
    return ALLOWED.get(action).contains(role);
  }

  /**
   * @throws AccessDeniedException (authenticated) when the caller's role may not do the action
   */
  public static void require(Caller caller, Action action) {
    requireNonNull(caller, "caller is null");
    if (!allows(caller.role(), action)) {
      throw AccessDeniedException.forbidden(
          "role "
              + caller.role().wireName()
              + " may not "
              + action.wireName().replace('-', ' ')
              + "; roles allowed: "
              + String.join(
                  ", ", ALLOWED.get(action).stream().map(Role::wireName).sorted().toList()));
    }
  }
}
