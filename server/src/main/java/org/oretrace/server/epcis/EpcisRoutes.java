package org.oretrace.server.epcis;

import io.javalin.config.EventConfig;
import io.javalin.config.RoutesConfig;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.store.Recorder;
import org.oretrace.store.epcis.EpcisCapture;

/**
 * The EPCIS 2.0 REST binding under {@code /epcis}: capture and query, documented in docs/epcis.md
 * and, with the native API, in the OpenAPI document. Identifiers that may hold slashes (eventIDs
 * such as {@code ni:///sha-256;...}, Digital Link EPCs) are matched with Javalin's {@code <...>}
 * path parameters.
 */
public final class EpcisRoutes {

  public static final String PREFIX = "/epcis";

  private EpcisRoutes() {}

  /**
   * @param lifecycle starts subscription delivery with the server and stops it with the server
   * @param webhookAllow the restricted webhook destinations the operator allows
   * @param webhookTrust the authorities an https webhook receiver's certificate must chain to
   */
  public static void register(
      RoutesConfig routes,
      EventConfig lifecycle,
      Recorder recorder,
      Authenticator authenticator,
      NeedToKnow needToKnow,
      WebhookAllowList webhookAllow,
      WebhookTrust webhookTrust) {
    EpcisCapture capture = EpcisCapture.open(recorder);
    QueryEndpoints queries = new QueryEndpoints(capture, authenticator, needToKnow);
    WebhookDestinations destinations = new WebhookDestinations(webhookAllow);
    SubscriptionDelivery delivery =
        new SubscriptionDelivery(
            capture, queries, needToKnow, recorder.store().accounts(), destinations, webhookTrust);
    lifecycle.serverStarted(delivery::start);
    lifecycle.serverStopping(delivery::close);
    CaptureEndpoints captures = new CaptureEndpoints(capture, authenticator, delivery::captured);
    NamedQueryEndpoints named =
        new NamedQueryEndpoints(queries, capture.store(), authenticator, delivery::queryDeleted);
    SubscriptionEndpoints subscriptions =
        new SubscriptionEndpoints(capture.store(), authenticator, destinations, delivery);
    SubscriptionSockets sockets = new SubscriptionSockets(capture.store(), authenticator, delivery);

    routes.post(PREFIX + "/capture", captures::capture);
    routes.get(PREFIX + "/capture", captures::jobs);
    routes.get(PREFIX + "/capture/{captureID}", captures::job);

    routes.get(PREFIX + "/events", queries::events);
    routes.get(PREFIX + "/events/<eventID>", queries::event);
    routes.get(PREFIX + "/eventTypes", queries::eventTypes);
    routes.get(PREFIX + "/eventTypes/{eventType}/events", queries::eventsOfType);
    routes.get(PREFIX + "/epcs/<epc>/events", queries::eventsOfEpc);
    routes.get(PREFIX + "/bizSteps", queries::bizSteps);
    routes.get(PREFIX + "/bizSteps/{bizStep}/events", queries::eventsOfBizStep);

    routes.post(PREFIX + "/queries", named::create);
    routes.get(PREFIX + "/queries", named::list);
    routes.get(PREFIX + "/queries/{queryName}", named::get);
    routes.delete(PREFIX + "/queries/{queryName}", named::delete);
    routes.get(PREFIX + "/queries/{queryName}/events", named::events);
    // The same path upgraded to a WebSocket is a subscription (the binding's WebSocket form).
    routes.wsBeforeUpgrade(PREFIX + "/queries/{queryName}/events", sockets::beforeUpgrade);
    routes.ws(PREFIX + "/queries/{queryName}/events", sockets::configure);
    routes.post(PREFIX + "/queries/{queryName}/subscriptions", subscriptions::create);
    routes.get(PREFIX + "/queries/{queryName}/subscriptions", subscriptions::list);
    routes.get(PREFIX + "/queries/{queryName}/subscriptions/{subscriptionID}", subscriptions::get);
    routes.delete(
        PREFIX + "/queries/{queryName}/subscriptions/{subscriptionID}", subscriptions::delete);

    routes.exception(EpcisProblem.class, (problem, context) -> problem.write(context));
  }
}
