package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.Ledger;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.UnknownWitnessException;

/**
 * Witnesses the operator accepts: a cosignature from any other key is refused and stores nothing,
 * an accepted witness keeps one row (its newest cosignature), removing it forgets that row, and the
 * number of witnesses is bounded, so the cosignatures kept are too.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcLedgerWitnessesTest extends DatabaseTest {

  private Recorder recorder;
  private Ledger ledger;

  @BeforeEach
  void recordAChain() {
    recorder = LedgerFixtures.recorder(database);
    recorder.record(Fixtures.chain());
    ledger = recorder.store().ledger();
  }

  private Cosignature cosign(WitnessKey witness, long treeSize, long timestamp) {
    String body =
        new Checkpoint(ledger.verifierKey().name(), treeSize, ledger.root(treeSize)).toNoteBody();
    return Cosignature.sign(body, witness, timestamp);
  }

  private long storedCosignatures() throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM log_cosignatures")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void onlyAcceptedWitnessesAreHeardAndEachKeepsItsNewestCosignature() throws Exception {
    WitnessKey witness = WitnessKey.generate("witness.example");
    WitnessKey stranger = WitnessKey.generate("stranger.example");
    long size = ledger.size();

    assertThatThrownBy(
            () -> ledger.addCosignature(witness.publicOnly(), size, cosign(witness, size, 1_000)))
        .isInstanceOf(UnknownWitnessException.class)
        .hasMessageContaining("witness.example");
    assertThat(storedCosignatures()).isZero();

    assertThat(ledger.addWitness(witness.publicOnly())).isTrue();
    assertThat(ledger.addWitness(witness.publicOnly())).isFalse();
    assertThat(ledger.witnesses()).containsExactly(witness.publicOnly());

    ledger.addCosignature(witness.publicOnly(), size - 1, cosign(witness, size - 1, 1_000));
    ledger.addCosignature(witness.publicOnly(), size, cosign(witness, size, 1_000));
    ledger.addCosignature(witness.publicOnly(), size, cosign(witness, size, 2_000));
    assertThatThrownBy(
            () -> ledger.addCosignature(witness.publicOnly(), size, cosign(witness, size, 1_500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("later");
    assertThatThrownBy(
            () ->
                ledger.addCosignature(
                    witness.publicOnly(), size - 1, cosign(witness, size - 1, 3_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a larger one");
    assertThatThrownBy(
            () -> ledger.addCosignature(stranger.publicOnly(), size, cosign(stranger, size, 1)))
        .isInstanceOf(UnknownWitnessException.class);

    assertThat(storedCosignatures()).isEqualTo(1);
    assertThat(ledger.cosignatures())
        .singleElement()
        .satisfies(
            kept -> {
              assertThat(kept.witness()).isEqualTo(witness.publicOnly());
              assertThat(kept.cosignature().timestamp()).isEqualTo(2_000);
            });

    assertThat(ledger.removeWitness(witness.publicOnly())).isTrue();
    assertThat(ledger.removeWitness(witness.publicOnly())).isFalse();
    assertThat(ledger.cosignatures()).isEmpty();
    assertThat(storedCosignatures()).isZero();
    assertThatThrownBy(
            () -> ledger.addCosignature(witness.publicOnly(), size, cosign(witness, size, 4_000)))
        .isInstanceOf(UnknownWitnessException.class);
  }

  @Test
  void theNumberOfWitnessesIsBounded() {
    for (int number = 0; number < Ledger.MAX_WITNESSES; number++) {
      assertThat(ledger.addWitness(WitnessKey.generate("witness-" + number).publicOnly())).isTrue();
    }
    WitnessKey oneTooMany = WitnessKey.generate("witness-too-many");
    assertThatThrownBy(() -> ledger.addWitness(oneTooMany.publicOnly()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + Ledger.MAX_WITNESSES);
    assertThat(ledger.witnesses()).hasSize(Ledger.MAX_WITNESSES);
  }
}
