package org.oretrace.core.entities;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.oretrace.core.registry.Identifiers;

/**
 * A party owning or directing a subject, which is an actor of the registry or a company party
 * (ownership chains: a person owns a holding that owns an exporter).
 *
 * @param partyId the owner or director
 * @param subjectId the actor or company owned or directed
 * @param sharePercent the share held, in percent (0 to 100], for ownership; null when unknown
 * @param role "director", "officer", "manager", ... for a directorship, or null
 * @param since the first day it held, or null when unknown
 * @param until the last day it held, or null while it holds
 */
public record Relation(
    RelationKind kind,
    String partyId,
    String subjectId,
    BigDecimal sharePercent,
    String role,
    LocalDate since,
    LocalDate until) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Relation {
    requireNonNull(kind, "kind is null");
    Identifiers.requireId(partyId, "partyId");
    Identifiers.requireId(subjectId, "subjectId");
    if (partyId.equals(subjectId)) {
      throw new IllegalArgumentException(partyId + " cannot own or direct itself");
    }
    if (sharePercent != null) {
      if (kind != RelationKind.OWNERSHIP) {
        throw new IllegalArgumentException("only an ownership has a share");
      }
      if (sharePercent.signum() <= 0 || sharePercent.compareTo(HUNDRED) > 0) {
        throw new IllegalArgumentException(
            "share must be above 0 and at most 100 percent, got " + sharePercent);
      }
      sharePercent = sharePercent.stripTrailingZeros();
      if (sharePercent.scale() < 0) {
        sharePercent = sharePercent.setScale(0); // 60, not 6E+1
      }
    }
    if (role != null && role.isBlank()) {
      role = null;
    }
    if (since != null && until != null && until.isBefore(since)) {
      throw new IllegalArgumentException(
          "relation ends (" + until + ") before it starts (" + since + ")");
    }
  }

  /** Whether it held on {@code day}. */
  public boolean holdsOn(LocalDate day) {
    return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
  }

  /** "owns 60% of", "owns", "is director of", "directs". */
  public String describe() {
    if (kind == RelationKind.OWNERSHIP) {
      return sharePercent == null ? "owns" : "owns " + sharePercent.toPlainString() + "% of";
    }
    return role == null ? "directs" : "is " + role + " of";
  }
}
