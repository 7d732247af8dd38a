package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.PartyKind;
import org.oretrace.core.entities.Relation;
import org.oretrace.store.EntityStore;
import org.oretrace.store.json.EntityJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerRecords;

/**
 * Parties and their relations in SQL, also held in memory (they are few and the entity graph reads
 * them whole). Writes are serialised by this object's lock, so the history's sequence and digest
 * chain are computed from the last stored row without racing another writer of this store.
 *
 * <p>Owners and directors are kept per subject: a change records the subject's whole list. Other
 * relations (payments, family, associates) are kept one by one: a change records the one relation
 * under its id, so that ending one does not rewrite the others.
 */
final class JdbcEntityStore implements EntityStore {

  private static final Comparator<Relation> ORDER =
      Comparator.comparing(Relation::subjectId)
          .thenComparing(Relation::partyId)
          .thenComparing(Relation::kind);

  private final Database database;
  private final JdbcLedger ledger;
  private final Map<String, Party> parties = new ConcurrentHashMap<>();
  private final Map<String, Relation> relations = new ConcurrentHashMap<>();
  private final List<Consumer<List<String>>> listeners = new CopyOnWriteArrayList<>();

  JdbcEntityStore(Database database, JdbcLedger ledger) {
    this.database = database;
    this.ledger = ledger;
    database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT document FROM parties");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Party party = EntityJson.decodeParty(Json.parse(bytes(rows.getString(1))));
              parties.put(party.id(), party);
            }
          }
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT document FROM party_relations");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Relation relation = EntityJson.decodeRelation(Json.parse(bytes(rows.getString(1))));
              relations.put(key(relation), relation);
            }
          }
          return null;
        });
  }

  @Override
  public synchronized void replaceOwners(
      String subjectId,
      List<Party> newParties,
      List<Relation> newRelations,
      String by,
      Instant at) {
    requireNonNull(subjectId, "subjectId is null");
    for (Relation relation : newRelations) {
      if (!relation.kind().ownsOrDirects()) {
        throw new IllegalArgumentException(
            "a " + relation.kind().wireName() + " is not an owner or director");
      }
      if (!relation.subjectId().equals(subjectId)) {
        throw new IllegalArgumentException(
            "relation of "
                + relation.partyId()
                + " is about "
                + relation.subjectId()
                + ", not "
                + subjectId);
      }
    }
    requireParties(newParties, newRelations);
    List<Relation> replaced = owners(subjectId);
    ledger.recording(
        (connection, records) -> {
          putParties(connection, newParties);
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "DELETE FROM party_relations WHERE subject_id = ?"
                      + " AND kind IN ('ownership', 'directorship')")) {
            statement.setString(1, subjectId);
            statement.executeUpdate();
          }
          putRelations(connection, newRelations);
          appendChange(connection, records, subjectId, newRelations, by, at);
          return null;
        },
        () -> {});
    newParties.forEach(party -> parties.put(party.id(), party));
    replaced.forEach(relation -> relations.remove(key(relation)));
    newRelations.forEach(relation -> relations.put(key(relation), relation));
    changed(List.of(subjectId));
  }

  @Override
  public synchronized void importEntities(
      List<Party> newParties, List<Relation> newRelations, String by, Instant at) {
    requireParties(newParties, newRelations);
    Set<String> subjects = new LinkedHashSet<>();
    newRelations.stream()
        .filter(relation -> relation.kind().ownsOrDirects())
        .forEach(relation -> subjects.add(relation.subjectId()));
    Map<String, Relation> after = new LinkedHashMap<>(relations);
    newRelations.forEach(relation -> after.put(key(relation), relation));
    ledger.recording(
        (connection, records) -> {
          putParties(connection, newParties);
          putRelations(connection, newRelations);
          for (String subject : subjects) {
            List<Relation> owners =
                after.values().stream()
                    .filter(each -> each.kind().ownsOrDirects())
                    .filter(each -> each.subjectId().equals(subject))
                    .sorted(ORDER)
                    .toList();
            appendChange(connection, records, subject, owners, by, at);
          }
          for (Relation relation : newRelations) {
            if (!relation.kind().ownsOrDirects()) {
              appendChange(connection, records, relation.id(), List.of(relation), by, at);
            }
          }
          return null;
        },
        () -> {});
    newParties.forEach(party -> parties.put(party.id(), party));
    newRelations.forEach(relation -> relations.put(key(relation), relation));
    newRelations.stream()
        .filter(relation -> !relation.kind().ownsOrDirects())
        .forEach(relation -> subjects.add(relation.id()));
    changed(List.copyOf(subjects));
  }

  @Override
  public synchronized Relation addRelation(
      List<Party> newParties, Relation relation, String by, Instant at) {
    requireNonNull(relation, "relation is null");
    if (relation.kind().ownsOrDirects()) {
      throw new IllegalArgumentException(
          "owners and directors are replaced together, not added one by one");
    }
    Relation stored = relations.get(key(relation));
    if (stored != null && stored.until() == null) {
      throw new IllegalStateException(
          "relation " + relation.id() + " is recorded already and has not ended");
    }
    Map<String, Party> known = new LinkedHashMap<>(parties);
    newParties.forEach(party -> known.put(party.id(), party));
    database.read(
        connection -> {
          requireEnd(connection, known, relation, relation.partyId(), "partyId");
          requireEnd(connection, known, relation, relation.subjectId(), "subjectId");
          return null;
        });
    ledger.recording(
        (connection, records) -> {
          putParties(connection, newParties);
          putRelations(connection, List.of(relation));
          appendChange(connection, records, relation.id(), List.of(relation), by, at);
          return null;
        },
        () -> {});
    newParties.forEach(party -> parties.put(party.id(), party));
    relations.put(key(relation), relation);
    changed(List.of(relation.id()));
    return relation;
  }

  @Override
  public synchronized Optional<Relation> endRelation(
      String relationId, LocalDate until, String by, Instant at) {
    requireNonNull(until, "until is null");
    Optional<Relation> found = relation(relationId);
    if (found.isEmpty()) {
      return found;
    }
    Relation stored = found.get();
    if (stored.kind().ownsOrDirects()) {
      throw new IllegalArgumentException(
          "owners and directors change with the owners of their subject, not one by one");
    }
    if (stored.until() != null) {
      throw new IllegalStateException(
          "relation " + relationId + " ended already on " + stored.until());
    }
    Relation ended = stored.endedOn(until);
    ledger.recording(
        (connection, records) -> {
          putRelations(connection, List.of(ended));
          appendChange(connection, records, ended.id(), List.of(ended), by, at);
          return null;
        },
        () -> {});
    relations.put(key(ended), ended);
    changed(List.of(ended.id()));
    return Optional.of(ended);
  }

  /**
   * An end of a relation must be a stored or given party, or for a payment a registered actor;
   * family and associates join persons.
   */
  private static void requireEnd(
      Connection connection, Map<String, Party> known, Relation relation, String id, String field)
      throws SQLException {
    Party party = known.get(id);
    if (relation.kind().betweenPersons()) {
      if (party == null || party.kind() != PartyKind.PERSON) {
        throw new IllegalArgumentException(
            field
                + " "
                + id
                + " must be a person (given or stored): a "
                + relation.kind().wireName()
                + " links persons");
      }
      return;
    }
    if (party == null && !actorExists(connection, id)) {
      throw new IllegalArgumentException(
          field + " " + id + " is neither a party (given or stored) nor a registered actor");
    }
  }

  private static boolean actorExists(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT 1 FROM actors WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void changed(List<String> subjects) {
    for (Consumer<List<String>> listener : listeners) {
      listener.accept(subjects);
    }
  }

  private void requireParties(List<Party> newParties, List<Relation> newRelations) {
    Set<String> known = new LinkedHashSet<>(parties.keySet());
    newParties.forEach(party -> known.add(party.id()));
    for (Relation relation : newRelations) {
      if (!known.contains(relation.partyId())) {
        throw new IllegalArgumentException(
            "relation names party " + relation.partyId() + ", which is neither given nor stored");
      }
    }
  }

  private static void putParties(Connection connection, List<Party> newParties)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO parties (id, kind, name, document) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
                + " document = excluded.document")) {
      for (Party party : newParties) {
        statement.setString(1, party.id());
        statement.setString(2, party.kind().wireName());
        statement.setString(3, party.name());
        statement.setString(4, Json.text(EntityJson.encode(party)));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void putRelations(Connection connection, List<Relation> newRelations)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO party_relations (kind, party_id, subject_id, document) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (subject_id, party_id, kind) DO UPDATE SET document ="
                + " excluded.document")) {
      for (Relation relation : newRelations) {
        statement.setString(1, relation.kind().wireName());
        statement.setString(2, relation.partyId());
        statement.setString(3, relation.subjectId());
        statement.setString(4, Json.text(EntityJson.encode(relation)));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Appends a change to the hash-chained history and logs it as a record. */
  private static void appendChange(
      Connection connection,
      JdbcLedger.RecordSink records,
      String subjectId,
      List<Relation> owners,
      String by,
      Instant at)
      throws SQLException {
    long sequence = 0;
    String previous = "";
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT sequence, digest FROM entity_changes ORDER BY sequence DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      if (rows.next()) {
        sequence = rows.getLong(1) + 1;
        previous = rows.getString(2);
      }
    }
    var array = Json.array();
    owners.stream().sorted(ORDER).forEach(relation -> array.add(EntityJson.encode(relation)));
    String document = Json.text(array);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO entity_changes (sequence, subject_id, changed_at_millis, changed_by,"
                + " document, digest) VALUES (?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, sequence);
      statement.setString(2, subjectId);
      statement.setLong(3, at.toEpochMilli());
      statement.setString(4, by);
      statement.setString(5, document);
      statement.setString(
          6, digest(previous, sequence, subjectId, at.toEpochMilli(), by, document));
      statement.executeUpdate();
    }
    records.append(
        LedgerRecords.OWNERS,
        LedgerRecords.ownersSubject(sequence),
        LedgerRecords.owners(
            sequence, subjectId, Instant.ofEpochMilli(at.toEpochMilli()), by, document));
  }

  /** SHA-256 over the previous digest and the row's fields, each followed by a newline. */
  static String digest(
      String previous, long sequence, String subjectId, long atMillis, String by, String document) {
    String text =
        previous + "\n" + sequence + "\n" + subjectId + "\n" + atMillis + "\n" + by + "\n"
            + document;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(text)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public Optional<Party> party(String id) {
    return Optional.ofNullable(parties.get(id));
  }

  @Override
  public List<Party> parties() {
    return parties.values().stream().sorted(Comparator.comparing(Party::id)).toList();
  }

  @Override
  public List<Relation> relations() {
    return relations.values().stream().sorted(ORDER).toList();
  }

  @Override
  public Optional<Relation> relation(String relationId) {
    return relations.values().stream()
        .filter(relation -> relation.id().equals(relationId))
        .findFirst();
  }

  @Override
  public List<Relation> relationsOf(String id) {
    return relations.values().stream()
        .filter(relation -> relation.partyId().equals(id) || relation.subjectId().equals(id))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public List<Relation> owners(String subjectId) {
    return relations.values().stream()
        .filter(relation -> relation.kind().ownsOrDirects())
        .filter(relation -> relation.subjectId().equals(subjectId))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public List<Change> history(String subjectId) {
    return database.read(
        connection -> {
          List<Change> changes = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT sequence, subject_id, changed_at_millis, changed_by, document, digest"
                      + " FROM entity_changes WHERE subject_id = ? ORDER BY sequence")) {
            statement.setString(1, subjectId);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                changes.add(change(rows));
              }
            }
          }
          return changes;
        });
  }

  @Override
  public boolean historyIntact() {
    return database.read(
        connection -> {
          String previous = "";
          long expected = 0;
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT sequence, subject_id, changed_at_millis, changed_by, document, digest"
                          + " FROM entity_changes ORDER BY sequence");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Change change = change(rows);
              String digest =
                  digest(
                      previous,
                      change.sequence(),
                      change.subjectId(),
                      change.at().toEpochMilli(),
                      change.by(),
                      change.document());
              if (change.sequence() != expected || !digest.equals(change.digest())) {
                return false;
              }
              previous = digest;
              expected++;
            }
          }
          return true;
        });
  }

  @Override
  public void afterChange(Consumer<List<String>> listener) {
    listeners.add(requireNonNull(listener, "listener is null"));
  }

  private static Change change(ResultSet rows) throws SQLException {
    return new Change(
        rows.getLong(1),
        rows.getString(2),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6));
  }

  private static String key(Relation relation) {
    return relation.subjectId() + "\n" + relation.partyId() + "\n" + relation.kind();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
