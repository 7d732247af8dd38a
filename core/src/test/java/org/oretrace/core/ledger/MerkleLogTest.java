package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleLogTest {

  /** The leaves of the transparency-dev/merkle reference trees the vectors are built on. */
  private static final List<String> REFERENCE_LEAVES_HEX =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static final List<String> REFERENCE_ROOTS_HEX =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void emptyLogHasTheEmptyTreeRoot() {
    MerkleLog log = MerkleLog.inMemory();
    assertThat(log.size()).isZero();
    assertThat(log.root().toHex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(log.consistencyProof(0, 0).hashes()).isEmpty();
  }

  @Test
  void leavesAppendedByTheirHashesMakeTheReferenceRoots() {
    MerkleLog log = MerkleLog.inMemory();
    for (int index = 0; index < REFERENCE_LEAVES_HEX.size(); index++) {
      byte[] entry = HexFormat.of().parseHex(REFERENCE_LEAVES_HEX.get(index));
      assertThat(log.appendLeafHash(MerkleHash.ofLeaf(entry))).isEqualTo(index);
      assertThat(log.root().toHex()).isEqualTo(REFERENCE_ROOTS_HEX.get(index));
    }
    assertThat(log.leafHash(3)).isEqualTo(MerkleHash.ofLeaf(HexFormat.of().parseHex("2021")));
  }

  @Test
  void rootsMatchTheReferenceTrees() {
    MerkleLog log = referenceLog();
    for (int size = 1; size <= REFERENCE_ROOTS_HEX.size(); size++) {
      assertThat(log.root(size).toHex())
          .as("size %d", size)
          .isEqualTo(REFERENCE_ROOTS_HEX.get(size - 1));
    }
  }

  @Test
  void proofsAreTheSameNodesAsTheReferenceProofs() {
    MerkleLog log = referenceLog();
    for (TestVectors.Vector vector : TestVectors.all("inclusion")) {
      if (vector.path().endsWith("happy-path.json")) {
        InclusionProof proof =
            log.inclusionProof(vector.number("leafIdx"), vector.number("treeSize"));
        assertThat(proof.hashes())
            .as(vector.path())
            .isEqualTo(MerkleProofsTest.hashes(vector.proof()));
      }
    }
    for (TestVectors.Vector vector : TestVectors.all("consistency")) {
      if (vector.path().endsWith("happy-path.json")) {
        ConsistencyProof proof =
            log.consistencyProof(vector.number("size1"), vector.number("size2"));
        assertThat(proof.hashes())
            .as(vector.path())
            .isEqualTo(MerkleProofsTest.hashes(vector.proof()));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {42, 2026})
  void everyProofOfEveryTreeUpTo300LeavesVerifiesAgainstTheNaiveRoots(long seed) {
    int maximumSize = 300;
    List<byte[]> entries = randomEntries(new Random(seed), maximumSize);
    MerkleLog log = MerkleLog.inMemory();
    List<MerkleHash> naiveRoots = new ArrayList<>();
    naiveRoots.add(MerkleHash.emptyTree());
    for (byte[] entry : entries) {
      log.append(entry);
      naiveRoots.add(naiveRoot(entries.subList(0, (int) log.size())));
    }
    for (int size = 0; size <= maximumSize; size++) {
      assertThat(log.root(size)).as("root of size %d", size).isEqualTo(naiveRoots.get(size));
    }
    for (int size = 1; size <= maximumSize; size++) {
      for (int index = 0; index < size; index++) {
        InclusionProof proof = log.inclusionProof(index, size);
        MerkleProofs.verifyInclusion(log.leafHash(index), proof, naiveRoots.get(size));
      }
      for (int from = 1; from <= size; from++) {
        ConsistencyProof proof = log.consistencyProof(from, size);
        MerkleProofs.verifyConsistency(proof, naiveRoots.get(from), naiveRoots.get(size));
      }
    }
  }

  @Test
  void everySingleBitFlipInSmallTreesIsRejected() {
    MerkleLog log = MerkleLog.inMemory();
    randomEntries(new Random(7), 17).forEach(log::append);
    for (int size = 1; size <= log.size(); size++) {
      MerkleHash root = log.root(size);
      for (int index = 0; index < size; index++) {
        InclusionProof proof = log.inclusionProof(index, size);
        MerkleHash leaf = log.leafHash(index);
        for (int bit = 0; bit < 256; bit++) {
          int flipped = bit;
          assertRejected(() -> MerkleProofs.verifyInclusion(flip(leaf, flipped), proof, root));
          assertRejected(() -> MerkleProofs.verifyInclusion(leaf, proof, flip(root, flipped)));
          for (int position = 0; position < proof.hashes().size(); position++) {
            InclusionProof tampered =
                new InclusionProof(index, size, flipAt(proof.hashes(), position, bit));
            assertRejected(() -> MerkleProofs.verifyInclusion(leaf, tampered, root));
          }
        }
      }
      for (int from = 1; from < size; from++) {
        ConsistencyProof proof = log.consistencyProof(from, size);
        MerkleHash fromRoot = log.root(from);
        for (int bit = 0; bit < 256; bit++) {
          int flipped = bit;
          assertRejected(
              () -> MerkleProofs.verifyConsistency(proof, flip(fromRoot, flipped), root));
          assertRejected(
              () -> MerkleProofs.verifyConsistency(proof, fromRoot, flip(root, flipped)));
          for (int position = 0; position < proof.hashes().size(); position++) {
            ConsistencyProof tampered =
                new ConsistencyProof(from, size, flipAt(proof.hashes(), position, bit));
            assertRejected(() -> MerkleProofs.verifyConsistency(tampered, fromRoot, root));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 99})
  void randomTamperingOfProofsInLargerTreesIsRejected(long seed) {
    Random random = new Random(seed);
    MerkleLog log = MerkleLog.inMemory();
    randomEntries(random, 1000).forEach(log::append);
    for (int trial = 0; trial < 2000; trial++) {
      long size = 2L + random.nextInt((int) log.size() - 1);
      long index = random.nextInt((int) size);
      long from = 1L + random.nextInt((int) size - 1);
      MerkleHash root = log.root(size);
      MerkleHash leaf = log.leafHash(index);
      MerkleHash fromRoot = log.root(from);
      InclusionProof inclusion = log.inclusionProof(index, size);
      ConsistencyProof consistency = log.consistencyProof(from, size);
      int bit = random.nextInt(256);

      int position = random.nextInt(inclusion.hashes().size());
      assertRejected(
          () ->
              MerkleProofs.verifyInclusion(
                  leaf,
                  new InclusionProof(index, size, flipAt(inclusion.hashes(), position, bit)),
                  root));
      assertRejected(
          () ->
              MerkleProofs.verifyInclusion(
                  leaf, new InclusionProof(index, size, withoutLast(inclusion.hashes())), root));
      assertRejected(
          () ->
              MerkleProofs.verifyInclusion(
                  leaf,
                  new InclusionProof(index, size, withExtra(inclusion.hashes(), root)),
                  root));
      assertRejected(
          () ->
              MerkleProofs.verifyInclusion(
                  leaf, new InclusionProof(index ^ 1, size, inclusion.hashes()), root));
      assertRejected(
          () ->
              MerkleProofs.verifyInclusion(
                  leaf, new InclusionProof(index, size * 2, inclusion.hashes()), root));

      int consistencyPosition = random.nextInt(consistency.hashes().size());
      assertRejected(
          () ->
              MerkleProofs.verifyConsistency(
                  new ConsistencyProof(
                      from, size, flipAt(consistency.hashes(), consistencyPosition, bit)),
                  fromRoot,
                  root));
      assertRejected(
          () ->
              MerkleProofs.verifyConsistency(
                  new ConsistencyProof(from, size, withoutLast(consistency.hashes())),
                  fromRoot,
                  root));
      assertRejected(
          () ->
              MerkleProofs.verifyConsistency(
                  new ConsistencyProof(from, size, withExtra(consistency.hashes(), fromRoot)),
                  fromRoot,
                  root));
      assertRejected(
          () ->
              MerkleProofs.verifyConsistency(
                  new ConsistencyProof(size, from, consistency.hashes()), root, fromRoot));
    }
  }

  @Test
  void appendsWriteTwoNodesPerLeafOnAverageAndAnswersReadLogarithmicallyMany() {
    CountingStore store = new CountingStore(MerkleNodeStore.inMemory());
    MerkleLog log = MerkleLog.over(store);
    int size = 10_000;
    for (int i = 0; i < size; i++) {
      log.append(Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(store.writes).isEqualTo(2L * size - Long.bitCount(size));
    assertThat(store.reads).isZero();

    Random random = new Random(5);
    for (int trial = 0; trial < 500; trial++) {
      long treeSize = 1L + random.nextInt(size);
      long other = 1L + random.nextInt((int) treeSize);
      store.reads = 0;
      log.root(treeSize);
      assertThat(store.reads).isLessThanOrEqualTo(14);
      store.reads = 0;
      log.inclusionProof(other - 1, treeSize);
      assertThat(store.reads).isLessThanOrEqualTo(2 * 14);
      store.reads = 0;
      log.consistencyProof(other, treeSize);
      assertThat(store.reads).isLessThanOrEqualTo(2 * 14 + 1);
    }
  }

  @Test
  void aLogReopenedOverItsStoreContinuesWhereItStopped() {
    MerkleNodeStore store = MerkleNodeStore.inMemory();
    MerkleLog first = MerkleLog.over(store);
    List<byte[]> entries = randomEntries(new Random(11), 77);
    entries.subList(0, 45).forEach(first::append);

    MerkleLog reopened = MerkleLog.over(store);
    assertThat(reopened.size()).isEqualTo(45);
    assertThat(reopened.root()).isEqualTo(first.root());
    entries.subList(45, 77).forEach(reopened::append);

    assertThat(reopened.root()).isEqualTo(naiveRoot(entries));
    assertThat(reopened.root(45)).isEqualTo(naiveRoot(entries.subList(0, 45)));
  }

  @Test
  void appendReturnsConsecutiveIndexes() {
    MerkleLog log = MerkleLog.inMemory();
    assertThat(log.append(new byte[] {1})).isZero();
    assertThat(log.append(new byte[] {2})).isEqualTo(1);
    assertThat(log.leafHash(1)).isEqualTo(MerkleHash.ofLeaf(new byte[] {2}));
  }

  @Test
  void rejectsQuestionsAboutTreesItDoesNotHave() {
    MerkleLog log = MerkleLog.inMemory();
    randomEntries(new Random(1), 5).forEach(log::append);
    assertThatThrownBy(() -> log.root(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.root(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.inclusionProof(0, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.consistencyProof(0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty tree");
    assertThatThrownBy(() -> log.leafHash(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.append(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entry is null");
  }

  /** RFC 9162 section 2.1.1 MTH, straight from its recursive definition. */
  static MerkleHash naiveRoot(List<byte[]> entries) {
    if (entries.isEmpty()) {
      return MerkleHash.emptyTree();
    }
    if (entries.size() == 1) {
      return MerkleHash.ofLeaf(entries.get(0));
    }
    int split = Integer.highestOneBit(entries.size() - 1);
    return MerkleHash.ofChildren(
        naiveRoot(entries.subList(0, split)), naiveRoot(entries.subList(split, entries.size())));
  }

  private static MerkleLog referenceLog() {
    MerkleLog log = MerkleLog.inMemory();
    for (String leaf : REFERENCE_LEAVES_HEX) {
      log.append(HexFormat.of().parseHex(leaf));
    }
    return log;
  }

  private static List<byte[]> randomEntries(Random random, int count) {
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Distinct entries (a counter first), so no two leaves share a hash by chance.
      byte[] entry = new byte[4 + random.nextInt(40)];
      random.nextBytes(entry);
      entry[0] = (byte) (i >>> 24);
      entry[1] = (byte) (i >>> 16);
      entry[2] = (byte) (i >>> 8);
      entry[3] = (byte) i;
      entries.add(entry);
    }
    return entries;
  }

  private static MerkleHash flip(MerkleHash hash, int bit) {
    byte[] bytes = hash.toByteArray();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    return MerkleHash.of(bytes);
  }

  private static List<MerkleHash> flipAt(List<MerkleHash> hashes, int position, int bit) {
    List<MerkleHash> copy = new ArrayList<>(hashes);
    copy.set(position, flip(copy.get(position), bit));
    return copy;
  }

  private static List<MerkleHash> withoutLast(List<MerkleHash> hashes) {
    return hashes.subList(0, hashes.size() - 1);
  }

  private static List<MerkleHash> withExtra(List<MerkleHash> hashes, MerkleHash extra) {
    List<MerkleHash> copy = new ArrayList<>(hashes);
    copy.add(extra);
    return copy;
  }

  private static void assertRejected(Runnable verification) {
    assertThatThrownBy(verification::run).isInstanceOf(VerificationException.class);
  }

  /** A store that counts the calls the log makes on it. */
  private static final class CountingStore implements MerkleNodeStore {

    private final MerkleNodeStore delegate;
    long reads;
    long writes;

    CountingStore(MerkleNodeStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public long size() {
      return delegate.size();
    }

    @Override
    public MerkleHash get(int level, long index) {
      reads++;
      return delegate.get(level, index);
    }

    @Override
    public void put(int level, long index, MerkleHash hash) {
      writes++;
      delegate.put(level, index, hash);
    }
  }
}
