package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.oretrace.core.customs.CustomsCheck;
import org.oretrace.core.customs.Declaration;
import org.oretrace.core.customs.Verdict;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.CustomsAccess;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.store.AlertIndex;
import org.oretrace.store.AlertStore;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.Recorder;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.json.CustomsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customs go/no-go (docs/customs.md): a declaration in, the verdict with every reason out, answered
 * from memory ({@link CustomsCheck} over the custody graph, the registry and the {@link
 * AlertIndex}). The answer says how long the check took, in microseconds, so that the 50 ms goal
 * can be watched in production as well as in {@code oretrace bench customs}. The reasons are told
 * in the caller's terms ({@link CustomsAccess}): alerts and holders outside its scope are not
 * named.
 */
final class CustomsEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(CustomsEndpoints.class);

  private final CustomsCheck check;
  private final AlertIndex alerts;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final CustomsAccess access;

  CustomsEndpoints(
      Recorder recorder, AlertIndex alerts, Authenticator authenticator, NeedToKnow needToKnow) {
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.check = new CustomsCheck(recorder.graph(), recorder.store().registry(), alerts);
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    AlertStore stored = recorder.store().alerts();
    RegistryStore registry = recorder.store().registry();
    this.access =
        new CustomsAccess(
            id -> stored.alert(id).map(StoredAlert::alert),
            lotId -> recorder.graph().lot(lotId).flatMap(lot -> registry.actor(lot.holderId())));
  }

  void check(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.CHECK_DECLARATIONS);
    Declaration declaration =
        CustomsJson.decodeDeclaration(Responses.parseBody(context.bodyAsBytes()));
    long started = System.nanoTime();
    alerts.refresh();
    Verdict verdict =
        access.filter(
            caller,
            () -> needToKnow.scope(caller),
            check.check(declaration, LocalDate.now(ZoneOffset.UTC)));
    long micros = (System.nanoTime() - started) / 1000;
    LOG.info(
        "customs check for {} ({} lots): {} with {} reasons in {} µs",
        declaration.exporterId(),
        declaration.lots().size(),
        verdict.go() ? "go" : "no-go",
        verdict.reasons().size(),
        micros);
    ObjectNode body = CustomsJson.encode(verdict);
    body.put("elapsedMicros", micros);
    Responses.json(context, 200, body);
  }
}
