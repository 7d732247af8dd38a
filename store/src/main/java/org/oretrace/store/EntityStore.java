package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.Relation;

/**
 * The persons and companies behind actors (beneficial owners, directors, officers) and their
 * relations to actors and to each other. The data is small next to the custody record, so it is
 * held in memory and read whole; every change is also appended to a history whose rows are chained
 * by SHA-256 (each row's digest covers the previous digest and the row), so that a rewritten or
 * removed change is visible.
 */
public interface EntityStore {

  /**
   * Replaces the owners and directors of one subject (an actor or a company party): the relations
   * whose subject it is become {@code relations}; their parties are inserted or replaced. All or
   * nothing.
   *
   * @throws IllegalArgumentException when a relation is about another subject or names a party not
   *     given and not stored
   */
  void replaceOwners(
      String subjectId, List<Party> parties, List<Relation> relations, String by, Instant at);

  /**
   * Adds parties and relations from an import, all or nothing: parties are inserted or replaced, a
   * relation replaces the stored one of the same kind between the same party and subject.
   *
   * @throws IllegalArgumentException when a relation names a party not given and not stored
   */
  void importEntities(List<Party> parties, List<Relation> relations, String by, Instant at);

  /**
   * Records a payment, family or associate relation, with the parties it names that are not stored
   * yet (or replace stored ones). The change is appended to the history under the relation's id
   * ({@link Relation#id()}), so that each relation has its own history.
   *
   * @throws IllegalArgumentException when it is an ownership or directorship (replaced with {@link
   *     #replaceOwners}), names an end that is neither a party given or stored nor, for a payment,
   *     an actor, or links persons that are not both persons
   * @throws IllegalStateException when the same relation (kind and ends) is recorded and has not
   *     ended
   */
  Relation addRelation(List<Party> parties, Relation relation, String by, Instant at);

  /**
   * Ends a payment, family or associate relation on {@code until}, its last day; the relation stays
   * (with its period) and the change is appended to its history.
   *
   * @return the relation as ended, or empty when there is no relation with that id
   * @throws IllegalArgumentException when {@code until} is before the relation's start
   * @throws IllegalStateException when it has ended already
   */
  Optional<Relation> endRelation(String relationId, LocalDate until, String by, Instant at);

  /** The relation with that id ({@link Relation#id()}). */
  Optional<Relation> relation(String relationId);

  /** The relations of every kind with {@code id} (an actor or a party) at either end. */
  List<Relation> relationsOf(String id);

  Optional<Party> party(String id);

  List<Party> parties();

  /** Every relation, by subject, then party. */
  List<Relation> relations();

  /** The ownerships and directorships whose subject is {@code subjectId}. */
  List<Relation> owners(String subjectId);

  /**
   * The changes to a subject's owners and directors, oldest first; given a relation's id, the
   * changes to that relation.
   */
  List<Change> history(String subjectId);

  /** Whether the chain of change digests is unbroken from the first change to the last. */
  boolean historyIntact();

  /** Registers a listener called after a change commits, with the subjects whose owners changed. */
  void afterChange(java.util.function.Consumer<List<String>> listener);

  /**
   * One recorded change.
   *
   * @param by who made it: "api:ORG", "import:FILE"
   * @param document the subject's owners after the change, as JSON
   * @param digest SHA-256 over the previous change's digest and this change, hex
   */
  record Change(
      long sequence, String subjectId, Instant at, String by, String document, String digest) {
    public Change {
      requireNonNull(subjectId, "subjectId is null");
      requireNonNull(at, "at is null");
      requireNonNull(by, "by is null");
      requireNonNull(document, "document is null");
      requireNonNull(digest, "digest is null");
    }
  }
}
