package org.oretrace.core.community;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.registry.Identifiers;

/**
 * An incident reported by a miner or a community member through the anonymous channel: what, at
 * which site, in the reporter's words, with an optional photo (by the SHA-256 under which the
 * evidence store keeps it), and the conversation with the regulator since.
 *
 * <p>Anonymity is the design constraint: the record holds no identity, address or network address.
 * The reporter is known only by holding the receipt code, and the store keeps only the code's hash
 * ({@link ReceiptCode}). A contact is kept only when the reporter chooses to give one.
 *
 * @param photoSha256 the photo's SHA-256, or null when none was sent
 * @param contact how to reach the reporter, only when the reporter gave it; otherwise null
 */
public record CommunityReport(
    String id,
    ReportKind kind,
    String siteId,
    String text,
    String photoSha256,
    String contact,
    Instant receivedAt,
    ReportStatus status,
    List<ReportMessage> messages) {

  /** The longest report or message accepted. */
  public static final int MAX_TEXT_LENGTH = 4000;

  /** The longest contact accepted. */
  public static final int MAX_CONTACT_LENGTH = 200;

  public CommunityReport {
    Identifiers.requireId(id, "id");
    requireNonNull(kind, "kind is null");
    Identifiers.requireId(siteId, "site");
    text = requireText(text, "text");
    if (photoSha256 != null && !photoSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("photo must be a SHA-256: 64 lower-case hex digits");
    }
    if (contact != null) {
      contact = contact.strip();
      if (contact.isEmpty()) {
        contact = null;
      } else if (contact.length() > MAX_CONTACT_LENGTH) {
        throw new IllegalArgumentException(
            "contact must be at most " + MAX_CONTACT_LENGTH + " characters");
      }
    }
    requireNonNull(receivedAt, "receivedAt is null");
    requireNonNull(status, "status is null");
    messages = List.copyOf(requireNonNull(messages, "messages is null"));
  }

  /** The report with one more message at the end of its conversation. */
  public CommunityReport withMessage(ReportMessage message) {
    List<ReportMessage> longer = new ArrayList<>(messages);
    longer.add(requireNonNull(message, "message is null"));
    return new CommunityReport(
        id, kind, siteId, text, photoSha256, contact, receivedAt, status, longer);
  }

  public CommunityReport withStatus(ReportStatus newStatus) {
    return new CommunityReport(
        id, kind, siteId, text, photoSha256, contact, receivedAt, newStatus, messages);
  }

  static String requireText(String text, String field) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + MAX_TEXT_LENGTH + " characters, not blank");
    }
    return stripped;
  }
}
