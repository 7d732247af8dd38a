package org.oretrace.server.api;

import io.javalin.config.RoutesConfig;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.epcis.EpcisRoutes;
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
   * @param keepClientAddresses whether case audit trails keep the address requests came from
   */
  public static void register(
      RoutesConfig routes,
      Recorder recorder,
      Authenticator authenticator,
      boolean keepClientAddresses) {
    EventEndpoints events = new EventEndpoints(recorder, authenticator);
    RegistryEndpoints registry = new RegistryEndpoints(recorder.store().registry(), authenticator);
    LotEndpoints lots = new LotEndpoints(recorder);
    ServiceEndpoints service = new ServiceEndpoints(recorder);
    LedgerEndpoints ledger = new LedgerEndpoints(recorder);
    StatsEndpoints stats = new StatsEndpoints(recorder);
    AlertEndpoints alerts = new AlertEndpoints(recorder.store().alerts());
    FieldEndpoints field = new FieldEndpoints(recorder, authenticator);
    CertificateEndpoints certificates = new CertificateEndpoints(recorder);
    CaseEndpoints cases = new CaseEndpoints(recorder.store(), authenticator, keepClientAddresses);
    TradeEndpoints trade =
        new TradeEndpoints(
            NationalTrade.attach(recorder),
            recorder.store().registry(),
            recorder.store().alerts(),
            authenticator);
    RiskEndpoints risk = new RiskEndpoints(recorder);

    routes.post(PREFIX + "/events", events::record);

    routes.post(PREFIX + "/sites", registry::putSites);
    routes.get(PREFIX + "/sites", registry::listSites);
    routes.get(PREFIX + "/sites/{id}", registry::getSite);
    routes.post(PREFIX + "/actors", registry::putActors);
    routes.get(PREFIX + "/actors", registry::listActors);
    routes.get(PREFIX + "/actors/{id}", registry::getActor);

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

    routes.get(PREFIX + "/sites/{id}/throughput", stats::siteThroughput);
    routes.get(PREFIX + "/actors/{id}/throughput", stats::actorThroughput);
    routes.get(PREFIX + "/stats/summary", stats::summary);
    routes.get(PREFIX + "/stats/monthly", stats::monthly);
    routes.get(PREFIX + "/stats/flows", stats::flows);

    routes.get(PREFIX + "/alerts", alerts::list);
    routes.get(PREFIX + "/alerts/{id}", alerts::get);

    routes.post(PREFIX + "/trade-statistics", trade::importStatistics);
    routes.get(PREFIX + "/countries/{code}", trade::country);

    routes.get(PREFIX + "/risk/sites/{id}", risk::site);
    routes.get(PREFIX + "/risk/actors/{id}", risk::actor);
    routes.get(PREFIX + "/risk/lots/{id}", risk::lot);

    routes.post(PREFIX + "/cases", cases::open);
    routes.get(PREFIX + "/cases", cases::list);
    routes.get(PREFIX + "/cases/{id}", cases::get);
    routes.post(PREFIX + "/cases/{id}/actions", cases::act);

    routes.get(PREFIX + "/health", service::health);
    routes.get(PREFIX + "/openapi.yaml", service::openApi);

    EpcisRoutes.register(routes, recorder, authenticator);

    Problems.register(routes);
  }
}
