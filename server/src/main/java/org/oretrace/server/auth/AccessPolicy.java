package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.registry.WireNames;

/**
 * The one place that says which roles, of which kinds of organisation, may do what. Reads are
 * governed by {@link NeedToKnow} (what part of the record) and {@link CaseAccess} (which cases);
 * this class governs the actions: a role may do an action, and the caller's organisation must be of
 * a type allowed to (the platform administrator may do everything). Recording is limited further by
 * what is recorded ({@link #requireMayRecord}).
 */
public final class AccessPolicy {

  /** What a request asks to do. */
  public enum Action {
    /** Record custody events. */
    RECORD_EVENTS,
    /** Capture EPCIS documents (mapped to custody events inside the capture). */
    CAPTURE_EPCIS,
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
    /** Add organisations (the platform administrator only). */
    MANAGE_ORGANISATIONS,
    /** Add users to the caller's organisation and list them. */
    MANAGE_USERS,
    /** Record third-party audits of sites (which change their ICGLR status) and follow them up. */
    RECORD_AUDITS,
    /**
     * Read community reports (those {@link Scope#seesCommunityReport} shows: {@link
     * CommunityReportAccess}).
     */
    READ_COMMUNITY_REPORTS,
    /** Ask a reporter questions and change a report's status (the regulator of its country). */
    ANSWER_COMMUNITY_REPORTS,
    /** Ask customs go/no-go for a declaration. */
    CHECK_DECLARATIONS,
    /** Read due-diligence reports and CMRT exports of a company (its own, or as an agency). */
    READ_REPORTS,
    /** Read an actor's owners and directors and its network in the entity graph. */
    READ_ENTITIES,
    /** Read the country view: production, trade and mirror statistics, alerts (own country). */
    READ_COUNTRIES,
    /** Close and reopen the alerts the caller's scope shows ({@link Scope#seesAlert}). */
    CLOSE_ALERTS,
    /** Share a community report with other agencies (the regulator of its country). */
    SHARE_COMMUNITY_REPORTS;

    public String wireName() {
      return WireNames.of(this);
    }
  }

  private static final Set<OrganisationType> AGENCIES =
      EnumSet.of(
          OrganisationType.REGULATOR,
          OrganisationType.POLICE,
          OrganisationType.ANTI_CORRUPTION,
          OrganisationType.FIU);

  private static final Map<Action, Set<Role>> ROLES = new EnumMap<>(Action.class);

  /** Organisation types allowed, for actions limited by type; absent means any organisation. */
  private static final Map<Action, Set<OrganisationType>> TYPES = new EnumMap<>(Action.class);

  static {
    ROLES.put(Action.RECORD_EVENTS, EnumSet.of(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.CAPTURE_EPCIS, EnumSet.of(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.WRITE_REGISTRY, EnumSet.of(Role.ADMIN));
    ROLES.put(Action.MANAGE_DEVICES, EnumSet.of(Role.ADMIN));
    ROLES.put(Action.UPLOAD_EVIDENCE, EnumSet.of(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.READ_CASES, EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.WORK_CASES, EnumSet.of(Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.MANAGE_ORGANISATIONS, EnumSet.of(Role.ADMIN));
    ROLES.put(Action.MANAGE_USERS, EnumSet.of(Role.ADMIN));

    Set<OrganisationType> recorders = EnumSet.copyOf(AGENCIES);
    recorders.add(OrganisationType.CUSTOMS);
    recorders.add(OrganisationType.COMPANY);
    TYPES.put(Action.RECORD_EVENTS, recorders);
    TYPES.put(Action.CAPTURE_EPCIS, AGENCIES);
    TYPES.put(Action.WRITE_REGISTRY, EnumSet.of(OrganisationType.REGULATOR));
    TYPES.put(Action.MANAGE_DEVICES, EnumSet.of(OrganisationType.REGULATOR));
    Set<OrganisationType> uploaders = EnumSet.copyOf(recorders);
    uploaders.add(OrganisationType.AUDITOR);
    TYPES.put(Action.UPLOAD_EVIDENCE, uploaders);
    TYPES.put(Action.MANAGE_ORGANISATIONS, EnumSet.noneOf(OrganisationType.class));
    TYPES.put(Action.MANAGE_USERS, EnumSet.allOf(OrganisationType.class));
    ROLES.put(Action.RECORD_AUDITS, EnumSet.of(Role.ADMIN));
    ROLES.put(
        Action.READ_COMMUNITY_REPORTS, EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.ANSWER_COMMUNITY_REPORTS, EnumSet.of(Role.INVESTIGATOR, Role.ADMIN));
    ROLES.put(Action.CHECK_DECLARATIONS, EnumSet.allOf(Role.class));
    ROLES.put(Action.READ_REPORTS, EnumSet.allOf(Role.class));
    TYPES.put(Action.RECORD_AUDITS, EnumSet.of(OrganisationType.REGULATOR));
    TYPES.put(Action.READ_COMMUNITY_REPORTS, AGENCIES);
    TYPES.put(Action.ANSWER_COMMUNITY_REPORTS, EnumSet.of(OrganisationType.REGULATOR));
    Set<OrganisationType> checkers = EnumSet.copyOf(AGENCIES);
    checkers.add(OrganisationType.CUSTOMS);
    TYPES.put(Action.CHECK_DECLARATIONS, checkers);
    Set<OrganisationType> reportReaders = EnumSet.copyOf(AGENCIES);
    reportReaders.add(OrganisationType.COMPANY);
    TYPES.put(Action.READ_REPORTS, reportReaders);
    ROLES.put(Action.READ_ENTITIES, EnumSet.allOf(Role.class));
    TYPES.put(Action.READ_ENTITIES, AGENCIES);
    ROLES.put(Action.READ_COUNTRIES, EnumSet.allOf(Role.class));
    TYPES.put(Action.READ_COUNTRIES, AGENCIES);
    ROLES.put(Action.CLOSE_ALERTS, EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN));
    TYPES.put(Action.CLOSE_ALERTS, checkers);
    ROLES.put(Action.SHARE_COMMUNITY_REPORTS, EnumSet.of(Role.INVESTIGATOR, Role.ADMIN));
    TYPES.put(Action.SHARE_COMMUNITY_REPORTS, EnumSet.of(OrganisationType.REGULATOR));
  }

  private AccessPolicy() {}

  /** Whether the role may do the action (regardless of its organisation). */
  public static boolean allows(Role role, Action action) {
    requireNonNull(role, "role is null");
    requireNonNull(action, "action is null");
    return ROLES.get(action).contains(role);
  }

  /** Whether the caller, by role and by its organisation's type, may do the action. */
  public static boolean allows(Caller caller, Action action) {
    requireNonNull(caller, "caller is null");
    if (!allows(caller.role(), action)) {
      return false;
    }
    Set<OrganisationType> types = TYPES.get(action);
    if (types == null || caller.isPlatform()) {
      return true;
    }
    return caller
        .registered()
        .map(organisation -> types.contains(organisation.type()))
        .orElse(false);
  }

  /**
   * @throws AccessDeniedException (authenticated) when the caller's role or organisation may not do
   *     the action
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
                  ", ", ROLES.get(action).stream().map(Role::wireName).sorted().toList()));
    }
    if (!allows(caller, action)) {
      Set<OrganisationType> types = TYPES.get(action);
      throw AccessDeniedException.forbidden(
          caller
                  .registered()
                  .map(o -> "a " + o.type().wireName())
                  .orElse("an organisation not in the register (" + caller.organisation() + ")")
              + " may not "
              + action.wireName().replace('-', ' ')
              + (types.isEmpty()
                  ? "; only the platform administrator may"
                  : "; organisation types allowed: "
                      + String.join(
                          ", ", types.stream().map(OrganisationType::wireName).sorted().toList())));
    }
  }

  /**
   * Requires that the caller may record these events: its role and organisation type may record,
   * customs records only exports and imports, and a company only events performed by its own
   * actors. Agencies record for any actor: their field offices keep the record on behalf of
   * cooperatives and traders.
   */
  public static void requireMayRecord(Caller caller, List<CustodyEvent> events) {
    require(caller, Action.RECORD_EVENTS);
    if (caller.isPlatform()) {
      return;
    }
    Organisation organisation = caller.registration();
    for (CustodyEvent event : events) {
      switch (organisation.type()) {
        case CUSTOMS -> {
          if (event.type() != EventType.EXPORT && event.type() != EventType.IMPORT) {
            throw AccessDeniedException.forbidden(
                "customs records exports and imports only; event "
                    + event.context().id()
                    + " is a "
                    + event.type().wireName());
          }
        }
        case COMPANY -> {
          if (!organisation.actorIds().contains(event.context().actorId())) {
            throw AccessDeniedException.forbidden(
                "a company records only events of its own actors ("
                    + String.join(", ", organisation.actorIds())
                    + "); event "
                    + event.context().id()
                    + " is performed by "
                    + event.context().actorId());
          }
        }
        default -> {
          // agencies record for any actor
        }
      }
    }
  }
}
