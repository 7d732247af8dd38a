package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

  // From golang.org/x/mod/sumdb/note (its documentation and tests) and the C2SP specification.
  private static final String GO_TEXT =
      """
      If you think cryptography is the answer to your problem,
      then you don't know what your problem is.
      """;
  private static final String PETER_SIGNATURE =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String ENOCH_SIGNATURE =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
  private static final String ENOCH_KEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  private static final String SPEC_NOTE =
      """
      This is an example message.

      \u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=
      """;

  @Test
  void signsByteForByteLikeTheGoReference() {
    SignedNote note = SignedNote.sign(GO_TEXT, LogKey.parse(LogKeyTest.PETER_PRIVATE_KEY));
    assertThat(note.serialize()).isEqualTo(GO_TEXT + "\n" + PETER_SIGNATURE);
  }

  @Test
  void verifiesTheSpecificationExample() {
    SignedNote note = SignedNote.parse(SPEC_NOTE);
    VerifierKey key = VerifierKey.parse(VerifierKeyTest.SPEC_KEY);
    assertThat(note.body()).isEqualTo("This is an example message.\n");
    assertThat(note.verify(List.of(key))).containsExactly(key);
    assertThat(note.serialize()).isEqualTo(SPEC_NOTE);
  }

  @Test
  void verifiesWithTheTrustedKeysAndIgnoresOthers() {
    SignedNote note = SignedNote.parse(GO_TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE);
    VerifierKey peter = VerifierKey.parse(VerifierKeyTest.PETER_KEY);
    VerifierKey enoch = VerifierKey.parse(ENOCH_KEY);
    assertThat(note.signatures())
        .extracting(SignedNote.Signature::keyName)
        .containsExactly("PeterNeumann", "EnochRoot");
    assertThat(note.verify(List.of(peter))).containsExactly(peter);
    assertThat(note.verify(List.of(enoch, peter))).containsExactly(peter, enoch);
    assertThatThrownBy(() -> note.verify(List.of(VerifierKey.parse(VerifierKeyTest.SPEC_KEY))))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("not signed by a trusted key");
  }

  @Test
  void rejectsATamperedBodyOrSignature() {
    VerifierKey peter = VerifierKey.parse(VerifierKeyTest.PETER_KEY);
    SignedNote tamperedBody =
        SignedNote.parse(GO_TEXT.replace("answer", "anwser") + "\n" + PETER_SIGNATURE);
    assertThatThrownBy(() -> tamperedBody.verify(List.of(peter)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("invalid signature by PeterNeumann");

    SignedNote original = SignedNote.parse(GO_TEXT + "\n" + PETER_SIGNATURE);
    String encoded = original.signatures().get(0).encodedSignature();
    byte[] raw = java.util.Base64.getDecoder().decode(encoded);
    for (int bit = 32; bit < raw.length * 8; bit += 7) {
      byte[] flipped = raw.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      SignedNote tampered =
          new SignedNote(
              GO_TEXT,
              List.of(
                  new SignedNote.Signature(
                      "PeterNeumann", java.util.Base64.getEncoder().encodeToString(flipped))));
      assertThatThrownBy(() -> tampered.verify(List.of(peter)))
          .isInstanceOf(VerificationException.class);
    }
  }

  @Test
  void rejectsMalformedNotes() {
    String signature = PETER_SIGNATURE;
    Map<String, String> malformed =
        Map.ofEntries(
            Map.entry(GO_TEXT + "\n" + signature.trim(), "end with a newline"),
            Map.entry(GO_TEXT + signature, "no blank line"),
            Map.entry(GO_TEXT + "\n", "at least one signature"),
            Map.entry(GO_TEXT + "\n" + signature.replace("\u2014", "-"), "em dash"),
            Map.entry(GO_TEXT + "\n" + signature.replace("\u2014 ", "\u2014"), "em dash"),
            Map.entry(GO_TEXT + "\n" + signature.replace("Neumann ", "Neumann  "), "signature"),
            Map.entry(
                GO_TEXT + "\n" + signature.replace("PeterNeumann", "Peter Neumann"),
                "\u2014 <name>"),
            Map.entry(GO_TEXT + "\n" + signature.replace("x08go", "x08g!"), "base64"),
            Map.entry(GO_TEXT + "\n\u2014 PeterNeumann AAAA\n", "too short"),
            Map.entry(GO_TEXT + "\n" + signature + "\n", "at least one signature"),
            Map.entry("\n" + signature, "no blank line"),
            Map.entry("carriage return\r\n\n" + signature, "control character"),
            Map.entry("bell \u0007\n\n" + signature, "control character"));
    malformed.forEach(
        (note, reason) ->
            assertThatThrownBy(() -> SignedNote.parse(note))
                .as(note)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason));

    StringBuilder tooMany = new StringBuilder(GO_TEXT).append('\n');
    for (int i = 0; i <= SignedNote.MAX_SIGNATURES; i++) {
      tooMany.append(signature);
    }
    assertThatThrownBy(() -> SignedNote.parse(tooMany.toString()))
        .hasMessageContaining("more than 100 signatures");
  }

  @Test
  void aBodyMayHoldBlankLinesAndTheSignaturesFollowTheLastOne() {
    LogKey key = LogKey.generate("oretrace.example/log");
    SignedNote note = SignedNote.sign("first\n\nsecond\n", key);
    SignedNote parsed = SignedNote.parse(note.serialize());
    assertThat(parsed).isEqualTo(note);
    assertThat(parsed.verify(List.of(key.verifierKey()))).hasSize(1);
  }

  @Test
  void anOfflineVerifierChecksACheckpointAndTheProofsAgainstIt() {
    LogKey logKey = LogKey.generate("oretrace.example/cd");
    MerkleLog log = MerkleLog.inMemory();
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      byte[] entry =
          CanonicalJson.encode(
              Map.of("lot", "CD-RUB-" + i, "massGrams", 25_000L + i, "event", "tagging"));
      entries.add(entry);
      log.append(entry);
    }
    String oldNote =
        SignedNote.sign(new Checkpoint(logKey.name(), 20, log.root(20)).toNoteBody(), logKey)
            .serialize();
    String newNote =
        SignedNote.sign(new Checkpoint(logKey.name(), 37, log.root()).toNoteBody(), logKey)
            .serialize();
    InclusionProof inclusion = log.inclusionProof(12, 37);
    ConsistencyProof consistency = log.consistencyProof(20, 37);

    // The verifier holds only the published verifier key, the notes, the entry and the proofs.
    List<VerifierKey> trusted = List.of(VerifierKey.parse(logKey.verifierKey().toString()));
    SignedNote oldSigned = SignedNote.parse(oldNote);
    SignedNote newSigned = SignedNote.parse(newNote);
    oldSigned.verify(trusted);
    newSigned.verify(trusted);
    Checkpoint older = Checkpoint.fromNoteBody(oldSigned.body());
    Checkpoint newer = Checkpoint.fromNoteBody(newSigned.body());
    MerkleProofs.verifyInclusion(MerkleHash.ofLeaf(entries.get(12)), inclusion, newer.rootHash());
    MerkleProofs.verifyConsistency(consistency, older.rootHash(), newer.rootHash());

    byte[] forged =
        new String(entries.get(12), StandardCharsets.UTF_8)
            .replace("25012", "35012")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                MerkleProofs.verifyInclusion(
                    MerkleHash.ofLeaf(forged), inclusion, newer.rootHash()))
        .isInstanceOf(VerificationException.class);
    String forgedNote = newNote.replace("\n37\n", "\n38\n");
    assertThatThrownBy(() -> SignedNote.parse(forgedNote).verify(trusted))
        .isInstanceOf(VerificationException.class);
  }
}
