package org.oretrace.store.certificate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What checking a provenance certificate found: the failures (none when it verifies), and what the
 * events establish, the origins and the custody chain, re-derived from the proven entries rather
 * than taken from the certificate's own summary.
 *
 * @param keyName the name of the log key the checkpoint and seal were checked with
 * @param keyGiven whether that key was given by the verifier (out of band) rather than read from
 *     the certificate itself
 * @param origins one line an origin: the lot tagged at a mine site, the site, mass and time
 * @param custody one line an event, in log order: time, type, lot, actor, where the lot went
 */
public record CertificateReport(
    String lotId,
    String keyName,
    boolean keyGiven,
    long checkpointSize,
    int events,
    List<String> failures,
    List<String> origins,
    List<String> custody) {

  /** What a certificate that verifies proves, in plain words. */
  public static final List<String> PROVES =
      List.of(
          "origin: the lot descends, through the recorded splits, merges and processing, from the"
              + " lots tagged at the mine sites listed, and from no other lot",
          "custody chain: every event listed was recorded in the ledger, by the actor and device"
              + " it names, in this order, and the issuing server left none out",
          "nothing altered since recorded: each event is, byte for byte, the entry the signed log"
              + " holds at its position (masses, grades, times, places, evidence digests)");

  /** What no certificate can prove. */
  public static final List<String> CANNOT_PROVE =
      List.of(
          "that what was recorded was true: that the first weighing was honest, that the ore in"
              + " the bag came from the site on its tag, or that no untagged material was mixed"
              + " in where the record shows nothing",
          "anything about the sites beyond their ids: names, countries and statuses come from the"
              + " registry, not the ledger",
          "that the log key is the right one, unless you compare it with the verifier key"
              + " published by the registry operator (give it with --key)");

  public CertificateReport {
    requireNonNull(lotId, "lotId is null");
    requireNonNull(keyName, "keyName is null");
    failures = List.copyOf(requireNonNull(failures, "failures is null"));
    origins = List.copyOf(requireNonNull(origins, "origins is null"));
    custody = List.copyOf(requireNonNull(custody, "custody is null"));
  }

  public boolean ok() {
    return failures.isEmpty();
  }
}
