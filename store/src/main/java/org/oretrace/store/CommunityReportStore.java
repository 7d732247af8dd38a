package org.oretrace.store;

import java.util.Optional;
import org.oretrace.core.community.CommunityReport;

/**
 * Community reports (docs/community-reports.md), found by id (the regulator) or by the hash of
 * their receipt code (the reporter). Nothing here stores who sent a report.
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
}
