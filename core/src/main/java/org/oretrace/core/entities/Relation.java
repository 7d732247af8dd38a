package org.oretrace.core.entities;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.oretrace.core.registry.Identifiers;

/**
 * A party owning or directing a subject, which is an actor of the registry or a company party
 * (ownership chains: a person owns a holding that owns an exporter); or a payment between actors
 * and parties; or a family or associate link between two persons. Between two ends there is at most
 * one relation of each kind, named by {@link #id()}.
 *
 * @param partyId the owner or director; the payer; the person whose relative or associate the
 *     subject is
 * @param subjectId the actor or company owned or directed; the beneficiary; the relative or
 *     associate
 * @param sharePercent the share held, in percent (0 to 100], for ownership; null when unknown
 * @param role "director", "officer", "manager", ... for a directorship; the relationship
 *     ("brother", "business partner") for family and associates; the purpose of a payment; or null
 * @param since the first day it held, or null when unknown
 * @param until the last day it held, or null while it holds
 * @param amount what was paid, for a payment; null when unknown
 * @param currency the ISO 4217 code of the amount, given with it and only with it
 */
public record Relation(
    RelationKind kind,
    String partyId,
    String subjectId,
    BigDecimal sharePercent,
    String role,
    LocalDate since,
    LocalDate until,
    BigDecimal amount,
    String currency) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** An ownership or a directorship, or a relation without an amount. */
  public Relation(
      RelationKind kind,
      String partyId,
      String subjectId,
      BigDecimal sharePercent,
      String role,
      LocalDate since,
      LocalDate until) {
    this(kind, partyId, subjectId, sharePercent, role, since, until, null, null);
  }

  public Relation {
    requireNonNull(kind, "kind is null");
    Identifiers.requireId(partyId, "partyId");
    Identifiers.requireId(subjectId, "subjectId");
    if (partyId.equals(subjectId)) {
      throw new IllegalArgumentException(partyId + " cannot be related to itself");
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
    if (amount != null) {
      if (kind != RelationKind.PAYMENT) {
        throw new IllegalArgumentException("only a payment has an amount");
      }
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException("amount must be above 0, got " + amount);
      }
      amount = amount.stripTrailingZeros();
      if (amount.precision() > 15) {
        // the ledger writes numbers as doubles, which hold 15 significant digits exactly
        throw new IllegalArgumentException(
            "amount must have at most 15 significant digits, got " + amount.toPlainString());
      }
      if (amount.scale() < 0) {
        amount = amount.setScale(0);
      }
      if (currency == null || !currency.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException(
            "an amount needs its currency as three capital letters (ISO 4217), got " + currency);
      }
    } else if (currency != null) {
      throw new IllegalArgumentException("a currency is given only with an amount");
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

  /**
   * The relation's id: its kind and its two ends, "payment:P-1:TRADER-1" (there is at most one
   * relation of a kind between two ends).
   */
  public String id() {
    return kind.wireName() + ":" + partyId + ":" + subjectId;
  }

  /** This relation ended on {@code day}, its last day. */
  public Relation endedOn(LocalDate day) {
    return new Relation(kind, partyId, subjectId, sharePercent, role, since, day, amount, currency);
  }

  /**
   * "owns 60% of", "owns", "is director of", "directs", "paid 25000 USD to", "paid", "is brother
   * of", "is a relative of", "is an associate of".
   */
  public String describe() {
    return switch (kind) {
      case OWNERSHIP ->
          sharePercent == null ? "owns" : "owns " + sharePercent.toPlainString() + "% of";
      case DIRECTORSHIP -> role == null ? "directs" : "is " + role + " of";
      case PAYMENT ->
          amount == null ? "paid" : "paid " + amount.toPlainString() + " " + currency + " to";
      case FAMILY -> role == null ? "is a relative of" : "is " + role + " of";
      case ASSOCIATE -> role == null ? "is an associate of" : "is " + role + " of";
    };
  }
}
