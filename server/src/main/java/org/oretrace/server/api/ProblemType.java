package org.oretrace.server.api;

/**
 * The kinds of problem the API answers with: each has an RFC 9457 type URI (a URN, since these are
 * identifiers rather than pages), a title that does not change between occurrences, and a status.
 */
enum ProblemType {
  BAD_REQUEST(400, "bad-request", "The request is malformed"),
  UNAUTHENTICATED(401, "unauthenticated", "A login or an API token is needed"),
  LOGIN_FAILED(401, "login-failed", "The username or the password is wrong"),
  FORBIDDEN(403, "forbidden", "The caller's role or organisation may not do this"),
  NOT_FOUND(404, "not-found", "Not found"),
  IDEMPOTENCY_KEY_REUSED(409, "idempotency-key-reused", "Idempotency-Key reused"),
  DEVICE_EXISTS(409, "device-exists", "A device with this id is already registered"),
  BATCH_ID_REUSED(409, "batch-id-reused", "The batch id was used for another batch"),
  UNKNOWN_DEVICE(
      403, "unknown-device", "The batch's device is not registered; nothing was written"),
  REVOKED_DEVICE(403, "revoked-device", "The batch's device is revoked; nothing was written"),
  BAD_SIGNATURE(422, "bad-signature", "The batch's signature does not verify; nothing was written"),
  UNKNOWN_WITNESS(
      403, "unknown-witness", "The log does not accept cosignatures from this witness key"),
  USER_EXISTS(409, "user-exists", "A user with this username already exists"),
  TOO_MANY_LOGINS(429, "too-many-logins", "Too many failed logins; try again later"),
  CASE_CHANGED(409, "case-changed", "The case kept changing; nothing was written, try again"),
  REPORT_CHANGED(409, "report-changed", "The report kept changing; nothing was written, try again"),
  ALERT_STATUS_UNCHANGED(409, "alert-status-unchanged", "The alert has that status already"),
  RELATION_CONFLICT(
      409, "relation-conflict", "The relation is recorded and open already, or has ended already"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests from this client"),
  TOO_LARGE(413, "too-large", "The request body is too large"),
  INVALID_CONTENT(422, "invalid-content", "The content is invalid; nothing was written"),
  INTERNAL_ERROR(500, "internal-error", "Internal error"),
  STORE_UNAVAILABLE(
      503,
      "store-unavailable",
      "The store refuses writes until it is repaired; nothing was written");

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  int status() {
    return status;
  }

  String uri() {
    return "urn:oretrace:problem:" + slug;
  }

  String title() {
    return title;
  }
}
