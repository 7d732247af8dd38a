package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.oretrace.core.Country;
import org.oretrace.core.community.CommunityReport;
import org.oretrace.core.registry.Site;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.store.CommunityReportStore;
import org.oretrace.store.CommunityReportStore.Share;
import org.oretrace.store.RegistryStore;

/**
 * Who reads, answers and shares community reports, and who sees their photos. A report is seen by
 * the organisations {@link Scope#seesCommunityReport} names (the regulator of the site's country,
 * and the agencies the report is shared with), through a role {@link AccessPolicy} allows ({@link
 * Action#READ_COMMUNITY_REPORTS} to read); only the regulator of the site's country, through its
 * investigators and admins, asks questions, changes the status ({@link
 * Action#ANSWER_COMMUNITY_REPORTS}) and shares the report with other agencies ({@link
 * Action#SHARE_COMMUNITY_REPORTS}): an agency a report was shared with reads it, nothing more. To
 * anyone else a report does not exist (404), whatever its role.
 *
 * <p>A report's photo is an evidence file like any other, stored by its SHA-256; the evidence route
 * asks {@link #maySeeEvidence} so that a photo is shown only to those who see one of the reports it
 * belongs to, never to every investigating agency.
 *
 * <p>The reporter is not a caller at all: the receipt code is the only key to a report from the
 * public side.
 */
public final class CommunityReportAccess {

  private final CommunityReportStore reports;
  private final RegistryStore registry;

  public CommunityReportAccess(CommunityReportStore reports, RegistryStore registry) {
    this.reports = requireNonNull(reports, "reports is null");
    this.registry = requireNonNull(registry, "registry is null");
  }

  /** Whether the caller may see a report about a site of this country, never shared. */
  public static boolean maySee(Scope scope, Country siteCountry) {
    return maySee(scope, siteCountry, List.of());
  }

  /** Whether the caller may see a report about a site of this country shared with these. */
  public static boolean maySee(Scope scope, Country siteCountry, Collection<String> sharedWith) {
    requireNonNull(scope, "scope is null");
    return AccessPolicy.allows(scope.caller(), Action.READ_COMMUNITY_REPORTS)
        && scope.seesCommunityReport(siteCountry, sharedWith);
  }

  /** Whether the caller may see this report (by its site's country, or shared with it). */
  public boolean maySee(Scope scope, CommunityReport report) {
    if (scope.everything()) {
      return true;
    }
    Optional<Country> country = country(report);
    if (country.isEmpty()) {
      return false;
    }
    List<String> sharedWith =
        reports.shares(report.id()).stream().map(Share::organisation).toList();
    return maySee(scope, country.get(), sharedWith);
  }

  /**
   * The same rule as {@link #maySee(Scope, CommunityReport)} for a listing: the reports shared with
   * the caller's organisation and the sites' countries are read once, not once per report.
   */
  public Predicate<CommunityReport> visibleTo(Scope scope) {
    if (scope.everything()) {
      return report -> true;
    }
    if (!AccessPolicy.allows(scope.caller(), Action.READ_COMMUNITY_REPORTS)) {
      return report -> false;
    }
    String organisation = scope.caller().organisation();
    Set<String> shared = reports.sharedWith(organisation);
    Map<String, Optional<Country>> countries = new HashMap<>();
    return report -> {
      Optional<Country> country =
          countries.computeIfAbsent(report.siteId(), site -> country(report));
      return country.isPresent()
          && scope.seesCommunityReport(
              country.get(), shared.contains(report.id()) ? List.of(organisation) : List.of());
    };
  }

  /**
   * Whether the caller may answer and share the report: it sees it by its site's country (the
   * regulator there), not merely because the report was shared with it.
   */
  public boolean mayAnswer(Scope scope, CommunityReport report) {
    return scope.everything()
        || country(report).map(country -> maySee(scope, country)).orElse(false);
  }

  /**
   * Whether an evidence file may be shown to the caller: every file only to the investigating
   * agencies ({@link Scope#seesEvidence}), and a community report's photo only to those of them who
   * see one of the reports it belongs to.
   */
  public boolean maySeeEvidence(Scope scope, String sha256) {
    requireNonNull(sha256, "sha256 is null");
    if (!scope.seesEvidence()) {
      return false;
    }
    List<CommunityReport> withPhoto = reports.withPhoto(sha256);
    return withPhoto.isEmpty() || withPhoto.stream().anyMatch(report -> maySee(scope, report));
  }

  private Optional<Country> country(CommunityReport report) {
    return registry.site(report.siteId()).map(Site::country);
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

  /**
   * @throws AccessDeniedException when the caller's role or organisation type may not share
   */
  public static void requireShare(Caller caller) {
    AccessPolicy.require(caller, Action.SHARE_COMMUNITY_REPORTS);
  }
}
