package org.oretrace.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.oretrace.store.certificate.CertificateReport;

/**
 * The provenance certificate as one self-contained HTML page (no script, inline style): the verdict
 * of the verifier, the origins, the custody chain, what it proves and cannot prove, the sites as
 * registered, and how to check the JSON document independently. Every value is escaped.
 */
final class CertificatePage {

  private CertificatePage() {}

  static String render(JsonNode certificate, CertificateReport report) {
    String lot = certificate.path("lot").asText();
    StringBuilder html = new StringBuilder(8192);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Provenance certificate: lot ")
        .append(escape(lot))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;")
        .append("padding:0 1rem;color:#1b1b1b}h1{font-size:1.5rem}")
        .append(".ok{color:#0a6b2d}.bad{color:#b00020}table{border-collapse:collapse;width:100%}")
        .append("td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;")
        .append("font-size:.9rem}code{font-size:.8rem;word-break:break-all}</style></head><body>");
    html.append("<h1>Provenance certificate: lot ").append(escape(lot)).append("</h1>");
    if (report.ok()) {
      html.append("<p class=\"ok\"><strong>Verified</strong>: ")
          .append(report.events())
          .append(" events, each proven against the checkpoint of the log at size ")
          .append(report.checkpointSize())
          .append(", signed by ")
          .append(escape(report.keyName()))
          .append(".</p>");
    } else {
      html.append("<p class=\"bad\"><strong>Does not verify</strong>:</p><ul>");
      report.failures().forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
      html.append("</ul>");
    }
    html.append("<p>Issued ")
        .append(escape(certificate.path("issuedAt").asText()))
        .append(". <a href=\"certificate\">The JSON document</a> can be checked by anyone with ")
        .append("<code>oretrace verify certificate.json --key KEYFILE</code>.</p>");
    html.append("<h2>Origins</h2><ul>");
    report.origins().forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
    html.append("</ul><h2>Mine sites, as registered</h2><table><tr><th>site</th><th>name</th>")
        .append("<th>country</th><th>ICGLR status</th></tr>");
    for (JsonNode site : certificate.path("sites")) {
      html.append("<tr><td>")
          .append(escape(site.path("id").asText()))
          .append("</td><td>")
          .append(escape(site.path("name").asText("")))
          .append("</td><td>")
          .append(escape(site.path("country").asText("")))
          .append("</td><td>")
          .append(escape(site.path("icglrStatus").asText("")))
          .append("</td></tr>");
    }
    html.append("</table><h2>Chain of custody</h2><table><tr><th>log index</th><th>event</th>")
        .append("<th>ledger entry</th></tr>");
    int row = 0;
    for (JsonNode event : certificate.path("events")) {
      String line = row < report.custody().size() ? report.custody().get(row) : "";
      html.append("<tr><td>")
          .append(event.path("index").asLong())
          .append("</td><td>")
          .append(escape(line))
          .append("</td><td><code>")
          .append(escape(event.path("entry").asText()))
          .append("</code></td></tr>");
      row++;
    }
    html.append("</table><h2>What this certificate proves</h2><ul>");
    CertificateReport.PROVES.forEach(
        line -> html.append("<li>").append(escape(line)).append("</li>"));
    html.append("</ul><h2>What it cannot prove</h2><ul>");
    CertificateReport.CANNOT_PROVE.forEach(
        line -> html.append("<li>").append(escape(line)).append("</li>"));
    html.append("</ul><h2>Log key</h2><p><code>")
        .append(escape(certificate.path("verifierKey").asText()))
        .append("</code></p><p>Compare it with the key the registry operator publishes. ")
        .append("The page's own check trusts the key in the document.</p></body></html>");
    return html.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      switch (character) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(character);
      }
    }
    return out.toString();
  }
}
