package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.cases.CaseAction;
import org.oretrace.core.cases.CaseAction.AlertStatus;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseAction.Open;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseState;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.CaseAccess;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.CaseStore;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Store;
import org.oretrace.store.json.CaseJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cases (docs/cases.md): open one from alerts or by hand, list and read the visible ones, and act
 * on one through a single endpoint taking {@code {"type": ...}}. Every read goes through {@link
 * CaseAccess}, which says who sees what; every write appends an audit entry with the token's
 * organisation and role, the time, and the client's address when the deployment keeps them.
 *
 * <p>References are checked before they are written: an alert, lot, actor or evidence file that
 * Oretrace does not hold is refused (422), so a case never points at nothing. An action is applied
 * to the version just read and stored only if that is still the latest; when another agency acted
 * in between, it is applied again to the newer version, a few times at most.
 */
final class CaseEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(CaseEndpoints.class);
  private static final int ATTEMPTS = 5;

  private final Store store;
  private final CaseStore cases;
  private final CaseAccess access;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final boolean keepClientAddresses;

  CaseEndpoints(
      Store store,
      Authenticator authenticator,
      NeedToKnow needToKnow,
      boolean keepClientAddresses) {
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.store = requireNonNull(store, "store is null");
    this.cases = store.cases();
    this.access = new CaseAccess(cases);
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.keepClientAddresses = keepClientAddresses;
  }

  void open(Context context) {
    Caller caller = authenticator.authenticate(context);
    access.requireMayOpen(caller);
    Scope scope = needToKnow.scope(caller);
    Open open = CaseJson.decodeOpening(Responses.parseBody(context.bodyAsBytes()));
    List<Violation> violations = new ArrayList<>();
    for (int index = 0; index < open.alertIds().size(); index++) {
      if (store
          .alerts()
          .alert(open.alertIds().get(index))
          .filter(stored -> scope.seesAlert(stored.alert()))
          .isEmpty()) {
        violations.add(
            Violation.of(-1, "alerts/" + index, "no alert " + open.alertIds().get(index)));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Instant now = Instant.now();
    String id = "case-" + UUID.randomUUID();
    CaseFile opened = CaseFile.open(id, open, caller.organisation(), now);
    cases.open(opened, entry(context, caller, opened, open, now));
    LOG.info(
        "case {} opened by {} from {} alerts", id, caller.organisation(), open.alertIds().size());
    context.header("Location", ApiRoutes.PREFIX + "/cases/" + id);
    Responses.json(context, 201, withTrail(opened));
  }

  void list(Context context) {
    Caller caller = authenticator.authenticate(context);
    CaseState state = QueryParameters.optional(context, "state", CaseState::fromWireName);
    PageRequest page = QueryParameters.page(context);
    Responses.json(
        context, 200, Responses.page(access.list(caller, state, page), page, CaseJson::encode));
  }

  void get(Context context) {
    Caller caller = authenticator.authenticate(context);
    String id = context.pathParam("id");
    CaseFile caseFile = access.read(caller, id).orElseThrow(() -> ApiProblem.notFound("case", id));
    Responses.json(context, 200, withTrail(caseFile));
  }

  void act(Context context) {
    Caller caller = authenticator.authenticate(context);
    access.requireMayOpen(caller);
    String id = context.pathParam("id");
    CaseAction action = CaseJson.decodeRequestedAction(Responses.parseBody(context.bodyAsBytes()));
    if (action instanceof Attach attach) {
      requireHeld(attach, needToKnow.scope(caller));
    }
    CaseFile next =
        apply(
            context,
            caller,
            id,
            action,
            () ->
                access
                    .forAction(caller, id, action)
                    .orElseThrow(() -> ApiProblem.notFound("case", id)));
    Responses.json(context, 200, withTrail(next));
  }

  /**
   * Writes a cited alert's new status into the trail of every case that cites the alert, as an
   * action of the caller who changed it (its organisation and role, the time, the client's
   * address), whether or not the caller sees those cases: the trail is the case's record of what
   * became of its evidence. Each entry is a ledger record like every case action.
   *
   * @return the number of cases whose trail got the entry
   */
  int recordAlertStatus(Context context, Caller caller, AlertStatus action) {
    int recorded = 0;
    for (CaseFile citing : cases.citing(action.alertId())) {
      apply(
          context,
          caller,
          citing.id(),
          action,
          () ->
              cases.find(citing.id()).orElseThrow(() -> ApiProblem.notFound("case", citing.id())));
      recorded++;
    }
    return recorded;
  }

  /**
   * Applies the action to the latest version of the case and stores it with its trail entry; when
   * another agency acted in between, applies it again to the newer version, a few times at most.
   */
  private CaseFile apply(
      Context context, Caller caller, String id, CaseAction action, Supplier<CaseFile> latest) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      CaseFile current = latest.get();
      Instant now = Instant.now();
      CaseFile next = current.apply(action, caller.organisation(), now);
      if (cases.update(next, entry(context, caller, next, action, now))) {
        LOG.info("case {}: {} by {}", id, action.type(), caller.organisation());
        return next;
      }
    }
    throw new ApiProblem(
        ProblemType.CASE_CHANGED,
        "case " + id + " changed " + ATTEMPTS + " times while this action was applied",
        List.of());
  }

  /** The attached thing must exist and be in the caller's scope (else it is not "held here"). */
  private void requireHeld(Attach attach, Scope scope) {
    boolean held =
        switch (attach.kind()) {
          case NOTE -> true;
          case ALERT ->
              store
                  .alerts()
                  .alert(attach.value())
                  .filter(stored -> scope.seesAlert(stored.alert()))
                  .isPresent();
          case LOT ->
              scope.seesLot(attach.value()) && store.custody().lot(attach.value()).isPresent();
          case ACTOR -> store.registry().actor(attach.value()).isPresent();
          case EVIDENCE ->
              scope.seesEvidence() && store.evidence().describe(attach.value()).isPresent();
        };
    if (!held) {
      throw InvalidInputException.of(
          "value", "no " + attach.kind().wireName() + " " + attach.value() + " is held here");
    }
  }

  private AuditEntry entry(
      Context context, Caller caller, CaseFile caseFile, CaseAction action, Instant now) {
    String address = keepClientAddresses ? context.ip() : null;
    return new AuditEntry(
        caseFile.id(),
        caseFile.version(),
        now,
        caller.organisation(),
        caller.role(),
        address,
        action);
  }

  private ObjectNode withTrail(CaseFile caseFile) {
    ObjectNode node = CaseJson.encode(caseFile);
    ArrayNode trail = node.putArray("trail");
    // Entries past this version are from actions that landed after it was read.
    cases.trail(caseFile.id()).stream()
        .filter(entry -> entry.sequence() <= caseFile.version())
        .forEach(entry -> trail.add(CaseJson.encode(entry)));
    return node;
  }
}
