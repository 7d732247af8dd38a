package org.oretrace.server.api;

import io.javalin.config.EventConfig;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.OidcConfig;
import org.oretrace.server.auth.OidcLogin;
import org.oretrace.server.epcis.EpcisRoutes;
import org.oretrace.server.epcis.WebhookAllowList;
import org.oretrace.server.epcis.WebhookTrust;
import org.oretrace.store.AlertIndex;
import org.oretrace.store.BalanceBooks;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.Recorder;

/**
 * Registers the API's routes and its problem answers on a Javalin configuration. The route table
 * below is the API; the OpenAPI document (a resource beside this class) describes it, and a test
 * keeps the two in step.
 */
public final class ApiRoutes {

  public static final String PREFIX = "/api/v1";

  private ApiRoutes() {}

  /**
   * @param lifecycle the server's start and stop events, for the background work of routes (EPCIS
   *     subscription delivery)
   * @param keepClientAddresses whether case audit trails keep the address requests came from
   */
  public static void register(
      RoutesConfig routes,
      EventConfig lifecycle,
      Recorder recorder,
      Authenticator authenticator,
      boolean keepClientAddresses) {
    register(
        routes,
        lifecycle,
        recorder,
        authenticator,
        keepClientAddresses,
        null,
        null,
        null,
        WebhookAllowList.none(),
        WebhookTrust.jdkDefault());
  }

  /**
   * @param lifecycle the server's start and stop events, for the background work of routes (EPCIS
   *     subscription delivery)
   * @param keepClientAddresses whether case audit trails keep the address requests came from
   * @param oidc the identity provider users log in through, or null for none
   * @param oidcName the identity provider's name on the login page, or null for its issuer's host
   * @param mapTiles the online tile layer the web application's maps draw, or null for none
   * @param webhookAllow the restricted webhook destinations (loopback, private...) the operator
   *     allows EPCIS subscriptions to post to
   * @param webhookTrust the authorities an https EPCIS webhook receiver's certificate must chain to
   */
  public static void register(
      RoutesConfig routes,
      EventConfig lifecycle,
      Recorder recorder,
      Authenticator authenticator,
      boolean keepClientAddresses,
      OidcConfig oidc,
      String oidcName,
      MapTiles mapTiles,
      WebhookAllowList webhookAllow,
      WebhookTrust webhookTrust) {
    NeedToKnow needToKnow = new NeedToKnow(recorder);
    EventEndpoints events = new EventEndpoints(recorder, authenticator);
    OverdueSweep overdue = new OverdueSweep(recorder.store(), Clock.systemUTC());
    overdue.run();
    RegistryEndpoints registry =
        new RegistryEndpoints(recorder.store().registry(), authenticator, overdue);
    LotEndpoints lots = new LotEndpoints(recorder, authenticator, needToKnow);
    ServiceEndpoints service = new ServiceEndpoints(recorder);
    LedgerEndpoints ledger = new LedgerEndpoints(recorder, authenticator, needToKnow);
    StatsEndpoints stats = new StatsEndpoints(recorder, authenticator, needToKnow);
    FieldEndpoints field = new FieldEndpoints(recorder, authenticator, needToKnow);
    CertificateEndpoints certificates =
        new CertificateEndpoints(recorder, authenticator, needToKnow);
    AccountEndpoints accounts =
        new AccountEndpoints(
            recorder.store().accounts(),
            recorder.store().registry(),
            authenticator,
            oidc == null ? null : oidcName == null ? oidc.providerName() : oidcName,
            mapTiles);
    EntityEndpoints entities = new EntityEndpoints(recorder.store(), authenticator);
    CaseEndpoints cases =
        new CaseEndpoints(recorder.store(), authenticator, needToKnow, keepClientAddresses);
    AlertEndpoints alerts =
        new AlertEndpoints(recorder.store().alerts(), authenticator, needToKnow, cases);
    AuditEndpoints audits =
        new AuditEndpoints(recorder.store(), authenticator, needToKnow, overdue);
    CommunityReportEndpoints communityReports =
        new CommunityReportEndpoints(
            recorder.store(), authenticator, needToKnow, Clock.systemUTC());
    AlertIndex alertIndex = new AlertIndex(recorder.store().alerts());
    CustomsEndpoints customs =
        new CustomsEndpoints(recorder, alertIndex, authenticator, needToKnow);
    ReportEndpoints reports = new ReportEndpoints(recorder, alertIndex, authenticator, needToKnow);
    TradeEndpoints trade =
        new TradeEndpoints(
            NationalTrade.attach(recorder),
            recorder.store().registry(),
            recorder.store().alerts(),
            authenticator,
            needToKnow);
    RiskEndpoints risk = new RiskEndpoints(recorder, authenticator, needToKnow);
    BalanceEndpoints balance =
        new BalanceEndpoints(
            BalanceBooks.attach(recorder), recorder.store().registry(), authenticator, needToKnow);

    routes.post(PREFIX + "/events", events::record);

    routes.post(PREFIX + "/sites", registry::putSites);
    routes.get(PREFIX + "/sites", registry::listSites);
    routes.get(PREFIX + "/sites/{id}", registry::getSite);
    routes.post(PREFIX + "/actors", registry::putActors);
    routes.get(PREFIX + "/actors", registry::listActors);
    routes.get(PREFIX + "/actors/{id}", registry::getActor);
    routes.get(PREFIX + "/actors/{id}/owners", entities::getOwners);
    routes.put(PREFIX + "/actors/{id}/owners", entities::putOwners);
    routes.get(PREFIX + "/actors/{id}/network", entities::network);
    routes.get(PREFIX + "/relations", entities::listRelations);
    routes.post(PREFIX + "/relations", entities::createRelation);
    routes.post(PREFIX + "/relations/{id}/end", entities::endRelation);

    routes.get(PREFIX + "/lots", lots::list);
    routes.get(PREFIX + "/lots/{id}", lots::get);
    routes.get(PREFIX + "/lots/{id}/events", lots::events);
    routes.get(PREFIX + "/lots/{id}/trace", lots::trace);
    routes.get(PREFIX + "/lots/{id}/certificate", certificates::json);
    routes.get(PREFIX + "/lots/{id}/certificate.html", certificates::html);

    routes.post(PREFIX + "/devices", field::registerDevice);
    routes.get(PREFIX + "/devices", field::listDevices);
    routes.get(PREFIX + "/devices/{id}", field::getDevice);
    routes.post(PREFIX + "/devices/{id}/revoke", field::revokeDevice);
    routes.post(PREFIX + "/field/batches", field::uploadBatch);
    routes.post(PREFIX + "/evidence", field::uploadEvidence);
    routes.get(PREFIX + "/evidence/{sha256}", field::getEvidence);

    routes.get(PREFIX + "/log/checkpoint", ledger::checkpoint);
    routes.get(PREFIX + "/log/key", ledger::key);
    routes.get(PREFIX + "/log/proof/inclusion", ledger::inclusionProof);
    routes.get(PREFIX + "/log/proof/consistency", ledger::consistencyProof);
    routes.get(PREFIX + "/log/entries", ledger::entries);
    routes.get(PREFIX + "/log/checkpoint/cosigned", ledger::cosignedCheckpoint);
    routes.get(PREFIX + "/log/cosignatures", ledger::cosignatures);
    routes.post(PREFIX + "/log/cosignatures", ledger::addCosignature);

    routes.get(PREFIX + "/sites/{id}/throughput", stats::siteThroughput);
    routes.get(PREFIX + "/actors/{id}/throughput", stats::actorThroughput);
    routes.get(PREFIX + "/stats/summary", stats::summary);
    routes.get(PREFIX + "/stats/monthly", stats::monthly);
    routes.get(PREFIX + "/stats/flows", stats::flows);
    routes.get(PREFIX + "/balance", balance::list);

    routes.get(PREFIX + "/alerts", alerts::list);
    routes.get(PREFIX + "/alerts/{id}", alerts::get);
    routes.post(PREFIX + "/alerts/{id}/status", alerts::changeStatus);

    routes.post(PREFIX + "/trade-statistics", trade::importStatistics);
    routes.get(PREFIX + "/countries/{code}", trade::country);

    routes.get(PREFIX + "/risk/sites/{id}", risk::site);
    routes.get(PREFIX + "/risk/actors/{id}", risk::actor);
    routes.get(PREFIX + "/risk/lots/{id}", risk::lot);

    routes.post(PREFIX + "/cases", cases::open);
    routes.get(PREFIX + "/cases", cases::list);
    routes.get(PREFIX + "/cases/{id}", cases::get);
    routes.post(PREFIX + "/cases/{id}/actions", cases::act);

    routes.post(PREFIX + "/organisations", accounts::putOrganisation);
    routes.get(PREFIX + "/organisations", accounts::listOrganisations);
    routes.post(PREFIX + "/users", accounts::addUser);
    routes.get(PREFIX + "/users", accounts::listUsers);
    routes.post(PREFIX + "/session", accounts::login);
    routes.get(PREFIX + "/session", accounts::current);
    routes.delete(PREFIX + "/session", accounts::logout);
    OidcEndpoints oidcLogin =
        new OidcEndpoints(
            oidc == null ? null : new OidcLogin(oidc, authenticator, recorder.store().accounts()));
    routes.get(PREFIX + "/session/oidc/start", oidcLogin::start);
    routes.get(PREFIX + "/session/oidc/callback", oidcLogin::callback);
    routes.get(PREFIX + "/session/oidc/logout", oidcLogin::logout);

    routes.post(PREFIX + "/sites/{id}/audits", audits::record);
    routes.get(PREFIX + "/sites/{id}/audits", audits::ofSite);
    routes.get(PREFIX + "/sites/{id}/status-history", audits::statusHistory);
    routes.get(PREFIX + "/audits/{id}", audits::get);
    routes.post(PREFIX + "/audits/{id}/corrective-actions/{index}", audits::followUp);

    routes.post(PREFIX + "/community-reports", communityReports::submit);
    routes.get(PREFIX + "/community-reports", communityReports::list);
    routes.get(PREFIX + "/community-reports/{id}", communityReports::get);
    routes.post(PREFIX + "/community-reports/{id}/messages", communityReports::regulatorMessage);
    routes.post(PREFIX + "/community-reports/{id}/status", communityReports::setStatus);
    routes.post(PREFIX + "/community-reports/{id}/share", communityReports::share);
    routes.post(PREFIX + "/community-reports/{id}/unshare", communityReports::withdrawShare);
    routes.get(PREFIX + "/community-reports/receipt/{code}", communityReports::byReceipt);
    routes.post(
        PREFIX + "/community-reports/receipt/{code}/messages", communityReports::reporterMessage);
    routes.get("/report", communityReports::form);

    routes.post(PREFIX + "/customs/check", customs::check);

    routes.get(PREFIX + "/reports/oecd", reports::oecdHtml);
    routes.get(PREFIX + "/reports/oecd.pdf", reports::oecdPdf);
    routes.get(PREFIX + "/reports/cmrt", reports::cmrt);

    routes.get(PREFIX + "/health", service::health);
    routes.get(PREFIX + "/openapi.yaml", service::openApi);

    EpcisRoutes.register(
        routes, lifecycle, recorder, authenticator, needToKnow, webhookAllow, webhookTrust);

    Problems.register(routes);
  }
}
