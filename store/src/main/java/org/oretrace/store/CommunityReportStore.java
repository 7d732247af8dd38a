package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oretrace.core.community.CommunityReport;

/**
 * Community reports (docs/community-reports.md), found by id (the regulator) or by the hash of
 * their receipt code (the reporter). Nothing here stores who sent a report. The regulator shares a
 * report with other agencies and may withdraw a share; each share and each withdrawal (with whom,
 * by whom, when) is appended to the report's share trail, which nothing rewrites.
 */
public interface CommunityReportStore {

  /** Stores a new report under the SHA-256 of its receipt code. */
  void add(CommunityReport report, String receiptHash);

  /**
   * Replaces a stored report with its next form (a new message or status) if it is still {@code
   * current}; returns false, writing nothing, when someone changed it in between.
   */
  boolean replace(CommunityReport current, CommunityReport next);

  Optional<CommunityReport> find(String id);

  Optional<CommunityReport> findByReceipt(String receiptHash);

  /** Reports, most recently received first. */
  Page<CommunityReport> list(PageRequest page);

  /**
   * Shares a report with an organisation, and appends the share to the report's share trail.
   *
   * @return false, writing nothing, when the report is already shared with it
   */
  boolean share(String reportId, Share share);

  /**
   * Withdraws a share: the organisation no longer sees the report. Appends the withdrawal to the
   * report's share trail in the same transaction.
   *
   * @param withdrawal the organisation the report is withdrawn from, who withdrew it and when
   * @return false, writing nothing, when the report is not shared with that organisation
   */
  boolean withdraw(String reportId, Share withdrawal);

  /** Who a report is shared with now, in the order it was shared. */
  List<Share> shares(String reportId);

  /** Every share and withdrawal of a report, oldest first. */
  List<ShareChange> shareTrail(String reportId);

  /** The ids of the reports shared with an organisation. */
  Set<String> sharedWith(String organisation);

  /** The reports whose photo is this evidence file (by its SHA-256). */
  List<CommunityReport> withPhoto(String sha256);

  /**
   * A report shared with an organisation, by whom and when.
   *
   * @param byUsername the user who shared it, or null for an API token
   */
  record Share(String organisation, Instant at, String byOrganisation, String byUsername) {
    public Share {
      requireNonNull(organisation, "organisation is null");
      requireNonNull(at, "at is null");
      requireNonNull(byOrganisation, "byOrganisation is null");
    }
  }

  /**
   * One line of a report's share trail: a share, or the withdrawal of one.
   *
   * @param sequence 1 for the report's first share, one more for each change after
   * @param change who the report was shared with or withdrawn from, by whom and when
   */
  record ShareChange(long sequence, boolean withdrawal, Share change) {
    public ShareChange {
      requireNonNull(change, "change is null");
      if (sequence < 1) {
        throw new IllegalArgumentException("sequence must be positive, got " + sequence);
      }
    }
  }
}
