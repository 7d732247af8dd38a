package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.balance.MonthlyBook;
import org.oretrace.core.detection.DetectionParameters;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Mineral;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.BalanceBooks;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.json.Json;

/**
 * The national books: every actor's mass balance per mineral and month, from the {@link
 * BalanceBooks} projection of the stored custody record (the bookings D1 makes). Each row says
 * whether D1 judges the actor's kind: a cooperative's tagged ore is its production, a trader's is
 * not. A caller sees the books of the actors it speaks for under the need-to-know rule: an agency
 * those of its country's actors, a company those of its own; the platform administrator every
 * actor's.
 */
final class BalanceEndpoints {

  private final BalanceBooks books;
  private final RegistryStore registry;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final Set<ActorKind> judgedKinds = DetectionParameters.defaults().balancedKinds();

  BalanceEndpoints(
      BalanceBooks books,
      RegistryStore registry,
      Authenticator authenticator,
      NeedToKnow needToKnow) {
    this.books = requireNonNull(books, "books is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
  }

  void list(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    Country country = QueryParameters.optional(context, "country", Country::new);
    String actorId = QueryParameters.text(context, "actor");
    Mineral mineral = QueryParameters.optional(context, "mineral", Mineral::fromWireName);
    YearMonth from = QueryParameters.optional(context, "from", BalanceEndpoints::month);
    YearMonth to = QueryParameters.optional(context, "to", BalanceEndpoints::month);
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiProblem.badParameter("to", "must not be before from (" + from + ")");
    }
    PageRequest page = QueryParameters.page(context);
    Map<String, Optional<Actor>> actors = new HashMap<>();
    List<MonthlyBook> matching =
        books
            .projection()
            .books(
                id -> {
                  if (actorId != null && !actorId.equals(id)) {
                    return false;
                  }
                  Optional<Actor> actor = actors.computeIfAbsent(id, registry::actor);
                  if (actor.isEmpty()) {
                    // Only the platform sees the books of an actor the registry does not know.
                    return scope.everything() && country == null;
                  }
                  return scope.speaksFor(actor.get())
                      && (country == null || country.equals(actor.get().country()));
                },
                mineral,
                from,
                to);
    int start = (int) Math.min(matching.size(), page.offset());
    int end = (int) Math.min(matching.size(), page.offset() + page.limit());
    Page<MonthlyBook> answer =
        new Page<>(matching.subList(start, end), page.offset(), matching.size());
    Responses.json(
        context,
        200,
        Responses.page(answer, page, book -> encode(book, actors.get(book.actorId()))));
  }

  private ObjectNode encode(MonthlyBook book, Optional<Actor> actor) {
    ObjectNode row = Json.object();
    row.put("actor", book.actorId());
    actor.ifPresent(
        known -> {
          row.put("actorName", known.name());
          row.put("actorKind", known.kind().wireName());
          row.put("country", known.country().code());
        });
    row.put("mineral", book.mineral().wireName());
    row.put("month", book.month().toString());
    row.put("openingGrams", book.openingGrams());
    row.put("receivedGrams", book.receivedGrams());
    row.put("producedGrams", book.producedGrams());
    row.put("shippedGrams", book.shippedGrams());
    row.put("heldGrams", book.heldGrams());
    row.put("unaccountedGrams", book.unaccountedGrams());
    row.put("judgedByD1", actor.isPresent() && judgedKinds.contains(actor.get().kind()));
    return row;
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a month as YYYY-MM, got '" + text + "'", e);
    }
  }
}
