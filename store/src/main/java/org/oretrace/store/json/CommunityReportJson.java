package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.community.CommunityReport;
import org.oretrace.core.community.ReportKind;
import org.oretrace.core.community.ReportMessage;
import org.oretrace.core.community.ReportStatus;

/**
 * The JSON form of community reports (docs/community-reports.md). A report is sent as {@code
 * {"kind", "site", "text", "photo"?: base64, "photoMediaType"?, "contact"?}}; the photo is stored
 * in the evidence store and the report keeps its SHA-256.
 */
public final class CommunityReportJson {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private CommunityReportJson() {}

  /**
   * A report as sent, before it is stored: its fields and the photo's bytes.
   *
   * @param photoBase64 the photo as sent (valid base64), or null
   */
  public record Submission(
      ReportKind kind,
      String siteId,
      String text,
      String photoBase64,
      String photoMediaType,
      String contact) {

    /** The photo's bytes, or null when none was sent. */
    public byte[] photo() {
      return photoBase64 == null ? null : Base64.getDecoder().decode(photoBase64);
    }
  }

  /** Decodes the body of {@code POST /api/v1/community-reports}. */
  public static Submission decodeSubmission(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Submission submission = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("kind", "site", "text", "photo", "photoMediaType", "contact"));
      ReportKind kind = fields.enumeration("kind", ReportKind::fromWireName);
      String site = fields.id("site");
      String text = fields.text("text");
      if (text != null && text.strip().length() > CommunityReport.MAX_TEXT_LENGTH) {
        fields.fail("text", "must be at most " + CommunityReport.MAX_TEXT_LENGTH + " characters");
      }
      String photo = fields.optionalText("photo");
      if (photo != null) {
        photo = WHITESPACE.matcher(photo).replaceAll("");
        try {
          if (Base64.getDecoder().decode(photo).length == 0) {
            fields.fail("photo", "is empty");
          }
        } catch (IllegalArgumentException e) {
          fields.fail("photo", "must be the file's bytes in base64");
        }
      }
      String mediaType = fields.optionalText("photoMediaType");
      if (mediaType != null && !mediaType.matches("image/[a-z0-9.+-]{1,60}")) {
        fields.fail("photoMediaType", "must be an image media type, e.g. image/jpeg");
      }
      String contact = fields.optionalText("contact");
      if (contact != null && contact.strip().length() > CommunityReport.MAX_CONTACT_LENGTH) {
        fields.fail(
            "contact", "must be at most " + CommunityReport.MAX_CONTACT_LENGTH + " characters");
      }
      if (fields.ok()) {
        submission =
            new Submission(
                kind,
                site,
                text,
                photo,
                photo == null ? null : mediaType == null ? "image/jpeg" : mediaType,
                contact);
      }
    }
    return orThrow(submission, violations);
  }

  /** Decodes {@code {"text"}}, a message from the reporter or the regulator. */
  public static String decodeMessage(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    String text = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("text"));
      text = fields.text("text");
      if (text != null && text.strip().length() > CommunityReport.MAX_TEXT_LENGTH) {
        fields.fail("text", "must be at most " + CommunityReport.MAX_TEXT_LENGTH + " characters");
      }
    }
    return orThrow(text, violations);
  }

  /** Decodes {@code {"status": "received"|"under-review"|"closed"}}. */
  public static ReportStatus decodeStatus(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    ReportStatus status = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("status"));
      status = fields.enumeration("status", ReportStatus::fromWireName);
    }
    return orThrow(status, violations);
  }

  /**
   * The report; {@code withContact} false leaves out the contact (what the reporter sees back, and
   * the stored form always includes it).
   */
  public static ObjectNode encode(CommunityReport report, boolean withContact) {
    ObjectNode node = Json.object();
    node.put("id", report.id());
    node.put("kind", report.kind().wireName());
    node.put("site", report.siteId());
    node.put("text", report.text());
    if (report.photoSha256() != null) {
      node.put("photo", report.photoSha256());
    }
    if (withContact && report.contact() != null) {
      node.put("contact", report.contact());
    }
    node.put("receivedAt", report.receivedAt().toString());
    node.put("status", report.status().wireName());
    ArrayNode messages = node.putArray("messages");
    for (ReportMessage message : report.messages()) {
      ObjectNode item = messages.addObject();
      item.put("from", message.fromReporter() ? "reporter" : "regulator");
      item.put("text", message.text());
      item.put("at", message.at().toString());
    }
    return node;
  }

  /** Reads a report stored by {@link #encode} with its contact. */
  public static CommunityReport decodeStored(JsonNode node) {
    List<ReportMessage> messages = new ArrayList<>();
    for (JsonNode message : node.get("messages")) {
      messages.add(
          new ReportMessage(
              "reporter".equals(message.get("from").textValue()),
              message.get("text").textValue(),
              Instant.parse(message.get("at").textValue())));
    }
    return new CommunityReport(
        node.get("id").textValue(),
        ReportKind.fromWireName(node.get("kind").textValue()),
        node.get("site").textValue(),
        node.get("text").textValue(),
        textOrNull(node, "photo"),
        textOrNull(node, "contact"),
        Instant.parse(node.get("receivedAt").textValue()),
        ReportStatus.fromWireName(node.get("status").textValue()),
        messages);
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }

  private static <T> T orThrow(T value, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return value;
  }
}
