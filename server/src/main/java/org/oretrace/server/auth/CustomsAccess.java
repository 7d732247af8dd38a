package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oretrace.core.Country;
import org.oretrace.core.customs.Reason;
import org.oretrace.core.customs.ReasonCode;
import org.oretrace.core.customs.Verdict;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.registry.Actor;

/**
 * What a customs go/no-go answer may say to its caller. The check itself runs over the whole record
 * (a declaration is checked before the export is recorded, so its lots are not yet in the officer's
 * scope, and an alert abroad must still stop the export); its reasons are then told in the caller's
 * terms:
 *
 * <ul>
 *   <li>an alert the caller's {@link Scope} does not show ({@link Scope#seesAlert}) becomes
 *       "{@value #ALERT_OUTSIDE_SCOPE}", without its id or explanation;
 *   <li>a watch-list hit on the exporter (a D9 alert) that the caller's scope does not show keeps
 *       its subject, the exporter the caller declared, but not the alert's id nor the listed entry
 *       it matched;
 *   <li>a lot held by someone other than the exporter names the holder only when the holder is of
 *       the caller's country; otherwise "another holder, outside your scope".
 * </ul>
 *
 * <p>Reasons are replaced one for one, never dropped, so the go/no-go decision and the count of
 * objections are the same for every caller. The other reasons speak of what the officer declared
 * (the exporter, the declared lots) or of the registry every caller reads (origin sites).
 */
public final class CustomsAccess {

  /** The message of an open-alert reason whose alert the caller may not see. */
  public static final String ALERT_OUTSIDE_SCOPE = "an alert upstream outside your scope";

  /** The subject of such a reason, in place of the alert's id. */
  public static final String OUTSIDE_SCOPE = "outside-scope";

  private final Function<String, Optional<Alert>> alerts;
  private final Function<String, Optional<Actor>> lotHolders;

  /**
   * @param alerts an alert by id
   * @param lotHolders the registered actor holding a lot, by the lot's id
   */
  public CustomsAccess(
      Function<String, Optional<Alert>> alerts, Function<String, Optional<Actor>> lotHolders) {
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.lotHolders = requireNonNull(lotHolders, "lotHolders is null");
  }

  /**
   * The verdict as the caller may read it.
   *
   * @param scope the caller's scope, computed only when a reason needs it
   */
  public Verdict filter(Caller caller, Supplier<Scope> scope, Verdict verdict) {
    requireNonNull(caller, "caller is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(verdict, "verdict is null");
    if (caller.isPlatform() || verdict.go()) {
      return verdict;
    }
    Country country = caller.registered().map(organisation -> organisation.country()).orElse(null);
    List<Reason> reasons = new ArrayList<>(verdict.reasons().size());
    for (Reason reason : verdict.reasons()) {
      reasons.add(
          switch (reason.code()) {
            case OPEN_ALERT -> {
              boolean seen =
                  alerts.apply(reason.subject()).map(scope.get()::seesAlert).orElse(false);
              yield seen
                  ? reason
                  : new Reason(ReasonCode.OPEN_ALERT, OUTSIDE_SCOPE, ALERT_OUTSIDE_SCOPE);
            }
            case SANCTIONS_HIT -> {
              boolean seen =
                  reason.alertId() != null
                      && alerts.apply(reason.alertId()).map(scope.get()::seesAlert).orElse(false);
              yield seen
                  ? reason
                  : new Reason(
                      ReasonCode.SANCTIONS_HIT,
                      reason.subject(),
                      "the exporter "
                          + reason.subject()
                          + " has a watch-list hit, outside your scope");
            }
            case NOT_HELD_BY_EXPORTER -> {
              boolean named =
                  lotHolders
                      .apply(reason.subject())
                      .map(holder -> holder.country().equals(country))
                      .orElse(false);
              yield named
                  ? reason
                  : new Reason(
                      ReasonCode.NOT_HELD_BY_EXPORTER,
                      reason.subject(),
                      "the custody record has lot "
                          + reason.subject()
                          + " with another holder, outside your scope");
            }
            default -> reason;
          });
    }
    return new Verdict(reasons, verdict.originSiteIds());
  }
}
