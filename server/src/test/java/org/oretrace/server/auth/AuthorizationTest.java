package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.community.CommunityReport;
import org.oretrace.core.community.ReceiptCode;
import org.oretrace.core.community.ReportKind;
import org.oretrace.core.community.ReportStatus;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Site;
import org.oretrace.server.DemoWorld;
import org.oretrace.server.TestServer;
import org.oretrace.server.api.ApiRoutes;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore.ActorFilter;
import org.oretrace.store.RegistryStore.SiteFilter;
import org.oretrace.store.Store;
import org.oretrace.store.TokenStore.ApiToken;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.json.Json;

/**
 * Drives every operation of the OpenAPI document with every role of every organisation type (and
 * anonymously, and as the platform administrator) on a simulated Great Lakes world, and fails on
 * any answer that leaks a lot or an event the need-to-know rule forbids, on any record answered to
 * a caller who may not see it, and on any write allowed to a caller who may not make it.
 *
 * <p>What each caller may see is computed here from the stored events, independently of {@link
 * NeedToKnow}: the oracle below restates docs/access.md in its own code. Leaks are found by reading
 * every answer (JSON, JSON-LD, HTML, text) for the world's lot and event ids ({@code lot-0000123},
 * {@code ev-0000123}), which no other text in an answer resembles, and for the ids of audits and
 * community reports seeded at a site of the home country and at a site abroad.
 *
 * <p>{@link #RULES} is the one table of operation to rule. An operation in the document without a
 * rule fails the test, so an endpoint added later is covered once it is given one.
 */
class AuthorizationTest {

  private static final Pattern RECORD_ID = Pattern.compile("(?:lot|ev)-\\d{7}");
  private static final Country HOME = new Country("CD");

  /** Who may do an operation: anonymous callers, and which organisation types in which roles. */
  private record Rule(boolean anonymous, Set<OrganisationType> types, Set<Role> roles) {

    boolean allows(Caller caller) {
      if (caller.anonymous) {
        return anonymous;
      }
      return caller.platform || (types.contains(caller.type) && roles.contains(caller.role));
    }
  }

  private static final Set<OrganisationType> ALL_TYPES = EnumSet.allOf(OrganisationType.class);
  private static final Set<Role> ALL_ROLES = EnumSet.allOf(Role.class);
  private static final Set<OrganisationType> AGENCIES =
      EnumSet.of(
          OrganisationType.REGULATOR,
          OrganisationType.POLICE,
          OrganisationType.ANTI_CORRUPTION,
          OrganisationType.FIU);
  private static final Set<Role> WRITERS = EnumSet.of(Role.RECORDER, Role.INVESTIGATOR, Role.ADMIN);

  private static final Rule PUBLIC = new Rule(true, ALL_TYPES, ALL_ROLES);

  /** Read by any authenticated caller; what it shows is limited by the caller's scope. */
  private static final Rule READ = new Rule(false, ALL_TYPES, ALL_ROLES);

  private static Rule only(Set<OrganisationType> types, Set<Role> roles) {
    return new Rule(false, types, roles);
  }

  private static Set<OrganisationType> plus(Set<OrganisationType> types, OrganisationType... more) {
    Set<OrganisationType> all = EnumSet.copyOf(types);
    all.addAll(List.of(more));
    return all;
  }

  /** The table: every operation of openapi.yaml, and its rule (docs/access.md). */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    Set<OrganisationType> recorders =
        plus(AGENCIES, OrganisationType.CUSTOMS, OrganisationType.COMPANY);
    Set<Role> caseReaders = EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN);
    Set<Role> caseWorkers = EnumSet.of(Role.INVESTIGATOR, Role.ADMIN);
    Set<Role> admins = EnumSet.of(Role.ADMIN);
    Set<OrganisationType> regulator = EnumSet.of(OrganisationType.REGULATOR);

    RULES.put("POST /api/v1/events", only(recorders, WRITERS));
    RULES.put("POST /api/v1/sites", only(regulator, admins));
    RULES.put("GET /api/v1/sites", READ);
    RULES.put("GET /api/v1/sites/{id}", READ);
    RULES.put("POST /api/v1/actors", only(regulator, admins));
    RULES.put("GET /api/v1/actors", READ);
    RULES.put("GET /api/v1/actors/{id}", READ);
    RULES.put("GET /api/v1/lots", READ);
    RULES.put("GET /api/v1/lots/{id}", READ);
    RULES.put("GET /api/v1/lots/{id}/events", READ);
    RULES.put("GET /api/v1/lots/{id}/trace", READ);
    RULES.put("GET /api/v1/log/checkpoint", PUBLIC);
    RULES.put("GET /api/v1/log/key", PUBLIC);
    RULES.put("GET /api/v1/log/proof/inclusion", READ);
    RULES.put("GET /api/v1/log/proof/consistency", PUBLIC);
    RULES.put("GET /api/v1/log/entries", READ);
    RULES.put("GET /api/v1/log/checkpoint/cosigned", PUBLIC);
    RULES.put("GET /api/v1/log/cosignatures", PUBLIC);
    RULES.put("POST /api/v1/log/cosignatures", PUBLIC);
    RULES.put("GET /api/v1/sites/{id}/throughput", READ);
    RULES.put("GET /api/v1/actors/{id}/throughput", READ);
    RULES.put("GET /api/v1/stats/summary", READ);
    RULES.put("GET /api/v1/stats/monthly", READ);
    RULES.put("GET /api/v1/stats/flows", READ);
    RULES.put("GET /api/v1/balance", READ);
    RULES.put("GET /api/v1/alerts", READ);
    RULES.put("GET /api/v1/alerts/{id}", READ);
    RULES.put(
        "POST /api/v1/alerts/{id}/status",
        only(plus(AGENCIES, OrganisationType.CUSTOMS), caseReaders));
    RULES.put("POST /api/v1/cases", only(ALL_TYPES, caseWorkers));
    RULES.put("GET /api/v1/cases", only(ALL_TYPES, caseReaders));
    RULES.put("GET /api/v1/cases/{id}", only(ALL_TYPES, caseReaders));
    RULES.put("POST /api/v1/cases/{id}/actions", only(ALL_TYPES, caseWorkers));
    RULES.put("GET /api/v1/lots/{id}/certificate", READ);
    RULES.put("GET /api/v1/lots/{id}/certificate.html", READ);
    RULES.put("POST /api/v1/devices", only(regulator, admins));
    RULES.put("GET /api/v1/devices", READ);
    RULES.put("GET /api/v1/devices/{id}", READ);
    RULES.put("POST /api/v1/devices/{id}/revoke", only(regulator, admins));
    RULES.put("POST /api/v1/field/batches", only(recorders, WRITERS));
    RULES.put("POST /api/v1/evidence", only(plus(recorders, OrganisationType.AUDITOR), WRITERS));
    RULES.put("GET /api/v1/evidence/{sha256}", READ);
    RULES.put("POST /api/v1/organisations", only(EnumSet.noneOf(OrganisationType.class), admins));
    RULES.put("GET /api/v1/organisations", READ);
    RULES.put("POST /api/v1/users", only(ALL_TYPES, admins));
    RULES.put("GET /api/v1/users", only(ALL_TYPES, admins));
    RULES.put("POST /api/v1/session", PUBLIC);
    RULES.put("GET /api/v1/session", PUBLIC);
    RULES.put("DELETE /api/v1/session", PUBLIC);
    RULES.put("GET /api/v1/session/oidc/start", PUBLIC);
    RULES.put("GET /api/v1/session/oidc/callback", PUBLIC);
    RULES.put("GET /api/v1/session/oidc/logout", PUBLIC);
    RULES.put("GET /api/v1/health", PUBLIC);
    RULES.put("GET /api/v1/openapi.yaml", PUBLIC);
    RULES.put("POST /epcis/capture", only(AGENCIES, WRITERS));
    RULES.put("GET /epcis/capture", only(AGENCIES, WRITERS));
    RULES.put("GET /epcis/capture/{captureID}", only(AGENCIES, WRITERS));
    RULES.put("GET /epcis/events", READ);
    RULES.put("GET /epcis/events/{eventID}", READ);
    RULES.put("GET /epcis/eventTypes", PUBLIC);
    RULES.put("GET /epcis/eventTypes/{eventType}/events", READ);
    RULES.put("GET /epcis/epcs/{epc}/events", READ);
    RULES.put("GET /epcis/bizSteps", READ);
    RULES.put("GET /epcis/bizSteps/{bizStep}/events", READ);
    RULES.put("POST /epcis/queries", READ);
    RULES.put("GET /epcis/queries", READ);
    RULES.put("GET /epcis/queries/{queryName}", READ);
    RULES.put("DELETE /epcis/queries/{queryName}", READ);
    RULES.put("GET /epcis/queries/{queryName}/events", READ);
    RULES.put("POST /epcis/queries/{queryName}/subscriptions", READ);
    RULES.put("GET /epcis/queries/{queryName}/subscriptions", READ);
    RULES.put("GET /epcis/queries/{queryName}/subscriptions/{subscriptionID}", READ);
    RULES.put("DELETE /epcis/queries/{queryName}/subscriptions/{subscriptionID}", READ);
    // audits: the regulator's admins record them at sites of their country; the agencies and
    // auditors of a site's country read them (others: 404, checked by the probes below)
    RULES.put("POST /api/v1/sites/{id}/audits", only(regulator, admins));
    RULES.put("GET /api/v1/sites/{id}/audits", READ);
    RULES.put("GET /api/v1/sites/{id}/status-history", READ);
    RULES.put("GET /api/v1/audits/{id}", READ);
    RULES.put("POST /api/v1/audits/{id}/corrective-actions/{index}", only(regulator, admins));
    // community reports: sent and followed anonymously; read by the regulator of the site's country
    // (and agencies a report is shared with), answered by its investigators and admins
    RULES.put("POST /api/v1/community-reports", PUBLIC);
    RULES.put("GET /api/v1/community-reports", only(AGENCIES, caseReaders));
    RULES.put("GET /api/v1/community-reports/{id}", READ);
    RULES.put("POST /api/v1/community-reports/{id}/messages", only(regulator, caseWorkers));
    RULES.put("POST /api/v1/community-reports/{id}/status", only(regulator, caseWorkers));
    RULES.put("POST /api/v1/community-reports/{id}/share", only(regulator, caseWorkers));
    RULES.put("POST /api/v1/community-reports/{id}/unshare", only(regulator, caseWorkers));
    RULES.put("GET /api/v1/community-reports/receipt/{code}", PUBLIC);
    RULES.put("POST /api/v1/community-reports/receipt/{code}/messages", PUBLIC);
    RULES.put("GET /report", PUBLIC);
    RULES.put(
        "POST /api/v1/customs/check", only(plus(AGENCIES, OrganisationType.CUSTOMS), ALL_ROLES));
    // company reports: the company for its own actors, and the agencies (others: 404, probed)
    Set<OrganisationType> reportReaders = plus(AGENCIES, OrganisationType.COMPANY);
    RULES.put("GET /api/v1/reports/oecd", only(reportReaders, ALL_ROLES));
    RULES.put("GET /api/v1/reports/oecd.pdf", only(reportReaders, ALL_ROLES));
    RULES.put("GET /api/v1/reports/cmrt", only(reportReaders, ALL_ROLES));
    // owners, directors and the entity network: the agencies (and the platform administrator)
    RULES.put("GET /api/v1/actors/{id}/owners", only(AGENCIES, ALL_ROLES));
    RULES.put("PUT /api/v1/actors/{id}/owners", only(regulator, admins));
    RULES.put("GET /api/v1/actors/{id}/network", only(AGENCIES, ALL_ROLES));
    RULES.put("GET /api/v1/relations", only(AGENCIES, ALL_ROLES));
    RULES.put("POST /api/v1/relations", only(regulator, admins));
    RULES.put("POST /api/v1/relations/{id}/end", only(regulator, admins));
    // trade statistics are written by the regulator's admins; a country's view is for its agencies
    RULES.put("POST /api/v1/trade-statistics", only(regulator, admins));
    RULES.put("GET /api/v1/countries/{code}", only(AGENCIES, ALL_ROLES));
    // risk scores: sites and actors are in the registry; a lot's only where the lot is visible
    RULES.put("GET /api/v1/risk/sites/{id}", READ);
    RULES.put("GET /api/v1/risk/actors/{id}", READ);
    RULES.put("GET /api/v1/risk/lots/{id}", READ);
  }

  /** One caller of the test: anonymous, the platform, or a role of an organisation type. */
  private static final class Caller {
    final String name;
    final String token;
    final boolean anonymous;
    final boolean platform;
    final OrganisationType type;
    final Role role;
    Set<String> lots = Set.of();
    Set<String> events = Set.of();

    Caller(String name, String token, boolean platform, OrganisationType type, Role role) {
      this.name = name;
      this.token = token;
      this.anonymous = token == null;
      this.platform = platform;
      this.type = type;
      this.role = role;
    }

    boolean seesLot(String id) {
      return platform || lots.contains(id);
    }

    boolean seesEvent(String id) {
      return platform || events.contains(id);
    }

    /** Audits and status history of a site: agencies and auditors of its country. */
    boolean seesAudits(Country siteCountry) {
      return platform
          || (!anonymous
              && (AGENCIES.contains(type) || type == OrganisationType.AUDITOR)
              && HOME.equals(siteCountry));
    }

    /** Community reports: the regulator of the site's country, in a role that reads them. */
    boolean seesReport(Country siteCountry) {
      return platform
          || (type == OrganisationType.REGULATOR
              && EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN).contains(role)
              && HOME.equals(siteCountry));
    }

    /** The named query seeded is the test regulator's. */
    boolean ownsNamedQuery() {
      return platform || type == OrganisationType.REGULATOR;
    }

    /** Company reports: the company for its own actor, the agencies for any. */
    boolean seesCompanyReports(String actorId) {
      return platform
          || AGENCIES.contains(type)
          || (type == OrganisationType.COMPANY && actorId.equals(companyActor));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static TestServer server;
  private static final List<Caller> CALLERS = new ArrayList<>();
  private static final Set<String> ALL_LOTS = new TreeSet<>();
  private static final Set<String> ALL_EVENTS = new TreeSet<>();
  private static String companyActor;
  private static String otherActor;
  private static Site homeSite;
  private static Site foreignSite;

  /** Audit and community report ids seeded, with the country of their site. */
  private static final Map<String, Country> AUDITS = new HashMap<>();

  private static final Map<String, Country> REPORTS = new HashMap<>();
  private static final String NAMED_QUERY = "object-events-of-the-regulator";
  private static final String NAMED_QUERY_OWNER = "test-regulator";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void seedTheWorld() {
    Store store = DemoWorld.load(7, 300);
    server = new TestServer(store);
    List<StoredEvent> stored = store.custody().events(0, 1_000_000);
    Map<String, Country> countries = new HashMap<>();
    for (Actor actor : store.registry().actors(ActorFilter.ANY, PageRequest.first(1000)).items()) {
      countries.put(actor.id(), actor.country());
    }
    companyActor =
        store.registry().actors(ActorFilter.ANY, PageRequest.first(1000)).items().stream()
            .filter(actor -> actor.kind() == ActorKind.COMPTOIR && actor.country().equals(HOME))
            .map(Actor::id)
            .filter(id -> stored.stream().anyMatch(s -> s.event().context().actorId().equals(id)))
            .findFirst()
            .orElseThrow();
    otherActor =
        store.registry().actors(ActorFilter.ANY, PageRequest.first(1000)).items().stream()
            .map(Actor::id)
            .filter(id -> !id.equals(companyActor))
            .findFirst()
            .orElseThrow();
    for (StoredEvent event : stored) {
      ALL_EVENTS.add(event.event().context().id());
      ALL_LOTS.addAll(event.event().lotIds());
    }
    List<Site> sites = store.registry().sites(SiteFilter.ANY, PageRequest.first(1000)).items();
    homeSite = sites.stream().filter(site -> site.country().equals(HOME)).findFirst().orElseThrow();
    foreignSite =
        sites.stream().filter(site -> !site.country().equals(HOME)).findFirst().orElseThrow();
    for (Site site : List.of(homeSite, foreignSite)) {
      String audit = "audit-test-" + site.id();
      store
          .audits()
          .record(
              new Audit(
                  audit,
                  site.id(),
                  "Test auditors",
                  LocalDate.of(2025, 3, 1),
                  "the site's registers",
                  List.of(),
                  List.of(),
                  null,
                  Instant.now(),
                  "test-regulator"));
      AUDITS.put(audit, site.country());
      String report = "report-test-" + site.id();
      store
          .communityReports()
          .add(
              new CommunityReport(
                  report,
                  ReportKind.ILLEGAL_TAXATION,
                  site.id(),
                  "soldiers take a tax at the road block",
                  null,
                  null,
                  Instant.now(),
                  ReportStatus.RECEIVED,
                  List.of()),
              ReceiptCode.hash(ReceiptCode.generate()));
      REPORTS.put(report, site.country());
    }
    seedNamedQuery();

    CALLERS.add(new Caller("anonymous", null, false, null, null));
    CALLERS.add(new Caller("platform", TestServer.START_UP_ADMIN_TOKEN, true, null, Role.ADMIN));
    for (OrganisationType type : OrganisationType.values()) {
      String organisation = "test-" + type.wireName();
      store
          .accounts()
          .putOrganisation(
              new Organisation(
                  organisation,
                  "Test " + type.wireName(),
                  type,
                  HOME,
                  type == OrganisationType.COMPANY ? List.of(companyActor) : List.of()));
      Set<String>[] scope = expectedScope(type, stored, countries);
      for (Role role : Role.values()) {
        TokenSecrets.MintedToken token = TokenSecrets.mint();
        store.tokens().add(new ApiToken(token.secretHash(), organisation, role, Instant.now()));
        Caller caller =
            new Caller(type.wireName() + "/" + role.wireName(), token.secret(), false, type, role);
        caller.lots = scope[0];
        caller.events = scope[1];
        CALLERS.add(caller);
      }
    }
  }

  /** Saves the test regulator's named query, again after a probe deleted it. */
  private static void seedNamedQuery() {
    server
        .store()
        .epcis()
        .putNamedQuery(
            new NamedQuery(
                NAMED_QUERY,
                NAMED_QUERY_OWNER,
                Json.object().set("eventType", Json.array().add("ObjectEvent")),
                Instant.now()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * The oracle: lots and events an organisation of this type in the home country may see, from the
   * stored events alone (docs/access.md).
   */
  @SuppressWarnings("unchecked")
  private static Set<String>[] expectedScope(
      OrganisationType type, List<StoredEvent> stored, Map<String, Country> countries) {
    Set<String> lots = new HashSet<>();
    Set<String> events = new HashSet<>();
    switch (type) {
      case REGULATOR, POLICE, ANTI_CORRUPTION, FIU -> {
        for (StoredEvent each : stored) {
          CustodyEvent event = each.event();
          if (HOME.equals(countries.get(event.context().actorId()))) {
            events.add(event.context().id());
            lots.addAll(event.lotIds());
          }
        }
      }
      case CUSTOMS -> {
        for (StoredEvent each : stored) {
          if (border(each.event(), countries)) {
            lots.addAll(each.event().lotIds());
          }
        }
        for (StoredEvent each : stored) {
          CustodyEvent event = each.event();
          boolean here =
              border(event, countries) || HOME.equals(countries.get(event.context().actorId()));
          if (here && lots.containsAll(event.lotIds())) {
            events.add(event.context().id());
          }
        }
      }
      case COMPANY -> {
        Map<String, List<String>> parents = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        Set<String> held = new HashSet<>();
        for (StoredEvent each : stored) {
          CustodyEvent event = each.event();
          boolean ours =
              event.context().actorId().equals(companyActor)
                  || (event instanceof Transfer transfer
                      && transfer.toActorId().equals(companyActor))
                  || (event instanceof Ship ship && ship.consigneeId().equals(companyActor));
          if (ours) {
            held.addAll(event.lotIds());
          }
          List<String> from = List.of();
          List<String> to = List.of();
          switch (event) {
            case Split split -> {
              from = List.of(split.lotId());
              to = split.parts().stream().map(CustodyEvent.NewLot::lotId).toList();
            }
            case Merge merge -> {
              from = merge.inputLotIds();
              to = List.of(merge.output().lotId());
            }
            case Process process -> {
              from = process.inputs().stream().map(CustodyEvent.ProcessInput::lotId).toList();
              to = process.outputs().stream().map(CustodyEvent.ProcessOutput::lotId).toList();
            }
            default -> {}
          }
          for (String parent : from) {
            for (String child : to) {
              children.computeIfAbsent(parent, key -> new ArrayList<>()).add(child);
              parents.computeIfAbsent(child, key -> new ArrayList<>()).add(parent);
            }
          }
        }
        for (Map<String, List<String>> links : List.of(parents, children)) {
          ArrayDeque<String> queue = new ArrayDeque<>(held);
          Set<String> reached = new HashSet<>(held);
          while (!queue.isEmpty()) {
            for (String next : links.getOrDefault(queue.poll(), List.of())) {
              if (reached.add(next)) {
                queue.add(next);
              }
            }
          }
          lots.addAll(reached);
        }
        for (StoredEvent each : stored) {
          if (lots.containsAll(each.event().lotIds())) {
            events.add(each.event().context().id());
          }
        }
      }
      default -> {}
    }
    return new Set[] {Set.copyOf(lots), Set.copyOf(events)};
  }

  private static boolean border(CustodyEvent event, Map<String, Country> countries) {
    Country actorCountry = countries.get(event.context().actorId());
    return switch (event) {
      case Export export -> export.destination().equals(HOME) || HOME.equals(actorCountry);
      case Import anImport -> anImport.origin().equals(HOME) || HOME.equals(actorCountry);
      default -> false;
    };
  }

  @Test
  void everyDocumentedOperationHasARuleAndNoCallerGetsMoreThanItsRule() {
    List<String> operations = documentedOperations();
    assertThat(operations).hasSizeGreaterThan(40);
    List<String> unruled = operations.stream().filter(op -> !RULES.containsKey(op)).toList();
    assertThat(unruled).as("operations without a rule in AuthorizationTest.RULES").isEmpty();

    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (String operation : operations) {
      Rule rule = RULES.get(operation);
      String method = operation.substring(0, operation.indexOf(' '));
      String template = operation.substring(operation.indexOf(' ') + 1);
      for (Caller caller : CALLERS) {
        for (Probe probe : probes(template, caller)) {
          Answer answer = send(method, probe.path, body(template), caller.token);
          requests++;
          if (method.equals("DELETE") && template.startsWith("/epcis/queries/")) {
            seedNamedQuery();
          }
          String where = caller + " " + method + " " + probe.path + " -> " + answer.status;
          boolean refused = answer.status == 401 || answer.status == 403;
          boolean login = method.equals("POST") && template.equals("/api/v1/session");
          if (rule.allows(caller) && refused && !login) {
            failures.add(where + ": refused although the rule allows it: " + brief(answer));
          }
          if (!rule.allows(caller) && !refused) {
            failures.add(where + ": allowed although the rule forbids it");
          }
          if (probe.forbiddenRecord && !refused && answer.status != 404) {
            failures.add(where + ": answered a record the caller may not see, not 404");
          }
          for (String leaked : leaks(answer.body, caller, probe.path)) {
            failures.add(where + ": leaks " + leaked);
          }
        }
      }
    }
    assertThat(requests).isGreaterThan(2_000);
    assertThat(failures).as(failures.size() + " failures in " + requests + " requests").isEmpty();
  }

  @Test
  void eachCallerListsExactlyTheLotsAndEventsItsRuleAllows() {
    for (Caller caller : CALLERS) {
      if (caller.anonymous) {
        continue;
      }
      var lots =
          Json.parse(
              send("GET", "/api/v1/lots?limit=1", null, caller.token)
                  .body
                  .getBytes(StandardCharsets.UTF_8));
      var summary =
          Json.parse(
              send("GET", "/api/v1/stats/summary", null, caller.token)
                  .body
                  .getBytes(StandardCharsets.UTF_8));
      long expectedLots = caller.platform ? ALL_LOTS.size() : caller.lots.size();
      long expectedEvents = caller.platform ? ALL_EVENTS.size() : caller.events.size();
      assertThat(lots.get("total").asLong()).as(caller + " lots").isEqualTo(expectedLots);
      assertThat(summary.get("events").asLong()).as(caller + " events").isEqualTo(expectedEvents);
    }
    // the world gives every kind of scope something to show and something to hide
    for (OrganisationType type :
        List.of(OrganisationType.REGULATOR, OrganisationType.CUSTOMS, OrganisationType.COMPANY)) {
      Caller viewer = caller(type, Role.VIEWER);
      assertThat(viewer.lots).as(type + " sees some").isNotEmpty();
      assertThat(viewer.lots.size()).as(type + " does not see all").isLessThan(ALL_LOTS.size());
    }
  }

  @Test
  void aCompanyMayNotRecordForAnotherActorAndNothingIsWritten() {
    Caller company = caller(OrganisationType.COMPANY, Role.RECORDER);
    String lot = ALL_LOTS.iterator().next();
    String other = "COOP-" + companyActor;
    long before = server.store().custody().eventCount();
    for (String actor : List.of(companyActor + "-NOT", other)) {
      String batch =
          "[{\"id\": \"ev-forbidden\", \"type\": \"assay\", \"time\": \"2025-06-01T08:00:00Z\","
              + " \"place\": {\"lat\": -1.6, \"lon\": 28.9}, \"actor\": \""
              + actor
              + "\", \"recordedBy\": \"test\", \"lot\": \""
              + lot
              + "\", \"grade\": 30.5, \"laboratory\": \"lab\"}]";
      Answer answer = send("POST", "/api/v1/events", batch, company.token);
      assertThat(answer.status).as(answer.body).isEqualTo(403);
    }
    assertThat(server.store().custody().eventCount()).isEqualTo(before);
  }

  private static Caller caller(OrganisationType type, Role role) {
    return CALLERS.stream()
        .filter(caller -> caller.type == type && caller.role == role)
        .findFirst()
        .orElseThrow();
  }

  /** A concrete request for an operation, and whether it names a record hidden from the caller. */
  private record Probe(String path, boolean forbiddenRecord) {}

  private static List<Probe> probes(String template, Caller caller) {
    List<Probe> probes = new ArrayList<>();
    boolean lotPath =
        template.startsWith("/api/v1/lots/{id}")
            || template.equals("/api/v1/risk/lots/{id}")
            || template.contains("{epc}");
    if (lotPath) {
      String allowed = ALL_LOTS.stream().filter(caller::seesLot).findFirst().orElse(null);
      String hidden = ALL_LOTS.stream().filter(id -> !caller.seesLot(id)).findFirst().orElse(null);
      String prefix = template.contains("{epc}") ? "urn:oretrace:lot:" : "";
      if (allowed != null) {
        probes.add(new Probe(fill(template, prefix + allowed), false));
      }
      if (hidden != null) {
        // a query about a hidden lot answers an empty list; a resource must answer 404
        boolean resource = !template.contains("{epc}");
        probes.add(new Probe(fill(template, prefix + hidden), resource && !caller.anonymous));
      }
      if (probes.isEmpty()) {
        probes.add(new Probe(fill(template, "lot-0000001"), false));
      }
      return probes;
    }
    if (template.equals("/epcis/events/{eventID}") || template.endsWith("/proof/inclusion")) {
      String allowed = ALL_EVENTS.stream().filter(caller::seesEvent).findFirst().orElse(null);
      String hidden =
          ALL_EVENTS.stream().filter(id -> !caller.seesEvent(id)).findFirst().orElse(null);
      for (String id : new String[] {allowed, hidden}) {
        if (id != null) {
          String path =
              template.endsWith("/proof/inclusion")
                  ? template + "?event=" + id
                  : fill(template, "urn:oretrace:event:" + id);
          probes.add(new Probe(path, id.equals(hidden) && !caller.anonymous));
        }
      }
      return probes;
    }
    if (template.endsWith("/audits") || template.endsWith("/status-history")) {
      for (Site site : List.of(homeSite, foreignSite)) {
        probes.add(
            new Probe(
                fill(template, site.id()),
                !caller.anonymous && !caller.seesAudits(site.country())));
      }
      return probes;
    }
    if (template.startsWith("/api/v1/audits/{id}")) {
      for (var audit : AUDITS.entrySet()) {
        probes.add(
            new Probe(
                fill(template.replace("{index}", "0"), audit.getKey()),
                !caller.anonymous && !caller.seesAudits(audit.getValue())));
      }
      return probes;
    }
    if (template.startsWith("/api/v1/community-reports/{id}")) {
      for (var report : REPORTS.entrySet()) {
        // a caller who may not answer is refused (403) before the report is looked up
        probes.add(
            new Probe(
                fill(template, report.getKey()),
                !caller.anonymous && !caller.seesReport(report.getValue())));
      }
      return probes;
    }
    if (template.equals("/api/v1/countries/{code}")) {
      for (Country country : List.of(HOME, foreignSite.country())) {
        boolean sees = caller.platform || (AGENCIES.contains(caller.type) && country.equals(HOME));
        probes.add(new Probe(fill(template, country.code()), !caller.anonymous && !sees));
      }
      return probes;
    }
    if (template.startsWith("/api/v1/reports/")) {
      for (String actor : List.of(companyActor, otherActor)) {
        probes.add(
            new Probe(
                template + "?year=2025&actor=" + actor,
                !caller.anonymous && !caller.seesCompanyReports(actor)));
      }
      return probes;
    }
    if (template.startsWith("/epcis/queries/{queryName}")) {
      // a named query is its owner's (and the platform's); to others it does not exist
      String path =
          fill(template, NAMED_QUERY) + (template.endsWith("/events") ? "?perPage=1000" : "");
      probes.add(new Probe(path, !caller.anonymous && !caller.ownsNamedQuery()));
      return probes;
    }
    probes.add(new Probe(fill(template, sampleFor(template)), false));
    if (template.equals("/api/v1/lots") || template.equals("/epcis/events")) {
      probes.add(
          new Probe(
              template + (template.startsWith("/epcis") ? "?perPage=1000" : "?limit=1000"), false));
    }
    if (template.equals("/api/v1/log/entries")) {
      probes.add(new Probe(template + "?limit=1000", false));
    }
    if (template.equals("/api/v1/alerts") || template.equals("/api/v1/community-reports")) {
      probes.add(new Probe(template + "?limit=1000", false));
    }
    return probes;
  }

  private static String sampleFor(String template) {
    if (template.contains("{sha256}")) {
      return "0".repeat(64);
    }
    if (template.startsWith("/api/v1/sites/{id}")) {
      return "nosite";
    }
    if (template.startsWith("/api/v1/risk/sites/")) {
      return homeSite.id();
    }
    if (template.startsWith("/api/v1/risk/actors/")) {
      return companyActor;
    }
    if (template.startsWith("/api/v1/actors/{id}")) {
      return companyActor;
    }
    if (template.contains("{eventType}")) {
      return "ObjectEvent";
    }
    if (template.contains("{bizStep}")) {
      return "shipping";
    }
    if (template.startsWith("/api/v1/alerts/{id}")) {
      var alerts = server.store().alerts().alerts(AlertFilter.ANY, PageRequest.first(1)).items();
      return alerts.isEmpty() ? "none" : alerts.getFirst().alert().id();
    }
    return "none";
  }

  private static String fill(String template, String value) {
    return template.replaceAll("\\{[^}]+}", URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  /** A body for a write: well-formed where it must be, but one that writes nothing when allowed. */
  private static String body(String template) {
    return switch (template) {
      case "/api/v1/session" -> "{\"username\": \"nobody\", \"password\": \"not the password\"}";
      case "/api/v1/events", "/api/v1/sites", "/api/v1/actors" -> "[]";
      case "/api/v1/evidence" -> "";
      default -> "{}";
    };
  }

  /** The world's lot and event ids in an answer that the caller may not see. */
  private static Set<String> leaks(String body, Caller caller, String requested) {
    Set<String> leaked = new TreeSet<>();
    Matcher ids = RECORD_ID.matcher(body);
    while (ids.find()) {
      String id = ids.group();
      boolean known = ALL_LOTS.contains(id) || ALL_EVENTS.contains(id);
      boolean allowed = id.startsWith("lot-") ? caller.seesLot(id) : caller.seesEvent(id);
      // a "not found" answer may repeat the id the caller itself asked for
      if (known && !allowed && !requested.contains(id)) {
        leaked.add(id);
      }
    }
    for (var audit : AUDITS.entrySet()) {
      if (body.contains(audit.getKey())
          && !caller.seesAudits(audit.getValue())
          && !requested.contains(audit.getKey())) {
        leaked.add(audit.getKey());
      }
    }
    if (body.contains(NAMED_QUERY)
        && !caller.ownsNamedQuery()
        && !requested.contains(NAMED_QUERY)) {
      leaked.add(NAMED_QUERY);
    }
    for (var report : REPORTS.entrySet()) {
      if (body.contains(report.getKey())
          && !caller.seesReport(report.getValue())
          && !requested.contains(report.getKey())) {
        leaked.add(report.getKey());
      }
    }
    return leaked;
  }

  private record Answer(int status, String body) {}

  private static Answer send(String method, String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", path.startsWith("/epcis") ? "application/ld+json" : "*/*");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (method.equals("GET") || method.equals("DELETE")) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String brief(Answer answer) {
    return answer.body.length() > 200 ? answer.body.substring(0, 200) : answer.body;
  }

  /** "METHOD /path" for every operation under {@code paths:} of the served document. */
  private static List<String> documentedOperations() {
    String yaml = send("GET", ApiRoutes.PREFIX + "/openapi.yaml", null, null).body;
    List<String> operations = new ArrayList<>();
    Pattern pathLine = Pattern.compile("^  (/\\S*):\\s*$");
    Pattern methodLine = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");
    boolean inPaths = false;
    String path = null;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("paths:")) {
        inPaths = true;
        continue;
      }
      if (inPaths && !line.isEmpty() && !line.startsWith(" ")) {
        break;
      }
      Matcher pathMatch = pathLine.matcher(line);
      Matcher methodMatch = methodLine.matcher(line);
      if (inPaths && pathMatch.matches()) {
        path = pathMatch.group(1);
      } else if (inPaths && methodMatch.matches() && path != null) {
        operations.add(methodMatch.group(1).toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }
}
