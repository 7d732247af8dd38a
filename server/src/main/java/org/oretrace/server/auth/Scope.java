package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.oretrace.core.Country;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.registry.Actor;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;

/**
 * The part of the custody record one caller may see, as {@link NeedToKnow} computed it: which lots
 * and which events. Every read endpoint, export and EPCIS query filters what it answers through
 * these methods and nothing else; what a lot or an event is hidden from a caller is answered as not
 * found, never as forbidden, so that an id reveals nothing.
 *
 * <p>An event is in scope only when every lot it names is too, so an answer that shows an event
 * never names a lot the caller may not see. Alerts follow the same rule over the lots and events
 * they cite, and are shown only to agencies and customs.
 */
public final class Scope {

  private final Caller caller;
  private final boolean everything;
  private final Set<String> lots;
  private final Set<String> events;
  private final Predicate<Actor> actors;

  private Scope(
      Caller caller,
      boolean everything,
      Set<String> lots,
      Set<String> events,
      Predicate<Actor> actors) {
    this.caller = requireNonNull(caller, "caller is null");
    this.everything = everything;
    this.lots = lots;
    this.events = events;
    this.actors = actors;
  }

  static Scope everything(Caller caller) {
    return new Scope(caller, true, Set.of(), Set.of(), actor -> true);
  }

  /** A scope over these lots and events (immutable sets, shared between callers). */
  static Scope of(Caller caller, Set<String> lots, Set<String> events, Predicate<Actor> actors) {
    return new Scope(caller, false, lots, events, actors);
  }

  public Caller caller() {
    return caller;
  }

  /** Whether the caller sees the whole record (the platform administrator). */
  public boolean everything() {
    return everything;
  }

  public boolean seesLot(String lotId) {
    return everything || lots.contains(lotId);
  }

  public boolean seesEvent(String eventId) {
    return everything || events.contains(eventId);
  }

  /** How many lots the caller sees, or -1 for all. */
  public long lotCount() {
    return everything ? -1 : lots.size();
  }

  /** How many events the caller sees, or -1 for all. */
  public long eventCount() {
    return everything ? -1 : events.size();
  }

  /** The lots in scope, when not {@link #everything()}. */
  public Set<String> lotIds() {
    return lots;
  }

  /**
   * Whether the caller speaks for this actor's part of the record: a company for its own actors, an
   * agency for the actors of its country. Field devices of an actor are shown on this rule.
   */
  public boolean speaksFor(Actor actor) {
    return actors.test(actor);
  }

  /** Alerts are for agencies and customs, and only when every lot and event cited is in scope. */
  public boolean seesAlert(Alert alert) {
    if (everything) {
      return true;
    }
    OrganisationType type = caller.registered().map(o -> o.type()).orElse(null);
    if (type == null || !(type.isCountryAgency() || type == OrganisationType.CUSTOMS)) {
      return false;
    }
    Country country = caller.registration().country();
    if (alert.eventIds().isEmpty()) {
      return alert.countries().contains(country);
    }
    return alert.lotIds().stream().allMatch(lots::contains)
        && alert.eventIds().stream().allMatch(events::contains);
  }

  /** Evidence files (photos, documents) are for the agencies that investigate. */
  public boolean seesEvidence() {
    return everything || caller.registered().map(o -> o.type().isCountryAgency()).orElse(false);
  }

  /**
   * The rule for community reports (M9), for their endpoints to apply: the regulator of the
   * report's country, and the organisations the report has been shared with; nobody else.
   */
  public boolean seesCommunityReport(Country siteCountry, Collection<String> sharedWith) {
    requireNonNull(siteCountry, "siteCountry is null");
    requireNonNull(sharedWith, "sharedWith is null");
    if (everything || sharedWith.contains(caller.organisation())) {
      return true;
    }
    return caller
        .registered()
        .map(o -> o.type() == OrganisationType.REGULATOR && o.country().equals(siteCountry))
        .orElse(false);
  }

  /**
   * Audits of a site and its status history: the agencies (regulator, police, anti-corruption, FIU)
   * and the auditors of the site's country. The site itself, with its current ICGLR status, is in
   * the registry every caller reads.
   */
  public boolean seesSiteAudits(Country siteCountry) {
    requireNonNull(siteCountry, "siteCountry is null");
    if (everything) {
      return true;
    }
    return caller
        .registered()
        .map(
            o ->
                (o.type().isCountryAgency() || o.type() == OrganisationType.AUDITOR)
                    && o.country().equals(siteCountry))
        .orElse(false);
  }

  /**
   * Reports about a company (OECD due diligence, CMRT): the company itself, for the actors it acts
   * as, and the agencies (regulator, police, anti-corruption, FIU).
   */
  public boolean seesCompanyReports(String actorId) {
    requireNonNull(actorId, "actorId is null");
    if (everything) {
      return true;
    }
    return caller
        .registered()
        .map(
            o ->
                o.type().isCountryAgency()
                    || (o.type() == OrganisationType.COMPANY && o.actorIds().contains(actorId)))
        .orElse(false);
  }

  /** The view of a country (its trade, mirror statistics, alerts): its agencies. */
  public boolean seesCountry(Country country) {
    requireNonNull(country, "country is null");
    if (everything) {
      return true;
    }
    return caller
        .registered()
        .map(o -> o.type().isCountryAgency() && o.country().equals(country))
        .orElse(false);
  }

  /** The part of a trace in scope: its lots, the edges between them whose event is in scope. */
  public Trace filter(Trace trace) {
    if (everything) {
      return trace;
    }
    return new Trace(
        trace.lotId(),
        trace.direction(),
        trace.lots().stream().filter(node -> seesLot(node.lot().id())).toList(),
        trace.edges().stream()
            .filter(
                edge ->
                    seesLot(edge.fromLotId())
                        && seesLot(edge.toLotId())
                        && seesEvent(edge.eventId()))
            .toList(),
        trace.endpoints().stream().filter(node -> seesLot(node.lot().id())).toList());
  }

  /**
   * One page of a listing after filtering: the whole listing is read in the largest pages the
   * source gives and filtered, so totals and offsets count only what the caller sees. That costs a
   * pass over the listing for callers who do not see everything; fine for a national record of some
   * hundred thousand lots, not for a regional one (which would filter in SQL).
   */
  public <T> Page<T> page(
      Function<PageRequest, Page<T>> source, Predicate<T> keep, PageRequest page) {
    if (everything) {
      return source.apply(page);
    }
    List<T> kept = new ArrayList<>();
    long total = 0;
    PageRequest chunk = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<T> read = source.apply(chunk);
      for (T item : read.items()) {
        if (keep.test(item)) {
          if (total >= page.offset() && kept.size() < page.limit()) {
            kept.add(item);
          }
          total++;
        }
      }
      long next = chunk.offset() + read.items().size();
      if (read.items().isEmpty() || next >= read.total()) {
        break;
      }
      chunk = new PageRequest(next, PageRequest.MAX_LIMIT);
    }
    return new Page<>(kept, page.offset(), total);
  }
}
