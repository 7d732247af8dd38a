package org.oretrace.server.api;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.oretrace.core.registry.Actor;
import org.oretrace.store.report.DueDiligenceReport;
import org.oretrace.store.report.DueDiligenceReport.AuditLine;
import org.oretrace.store.report.DueDiligenceReport.MineralLine;
import org.oretrace.store.report.DueDiligenceReport.OriginLine;
import org.oretrace.store.report.DueDiligenceReport.RedFlag;

/**
 * The OECD five-step due-diligence report as one self-contained XHTML page (inline style, no
 * script), and the same page as PDF. The page is well-formed XML on purpose: openhtmltopdf lays out
 * XHTML, so the PDF is the HTML rendered, never a second rendering to keep in step. Every value is
 * escaped.
 */
final class DueDiligencePage {

  private DueDiligencePage() {}

  static String html(DueDiligenceReport report) {
    Actor company = report.company();
    StringBuilder html = new StringBuilder(16384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<title>OECD due-diligence report ")
        .append(report.year())
        .append(": ")
        .append(escape(company.name()))
        .append("</title><style>")
        .append("body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;")
        .append("color:#1b1b1b;font-size:10pt}h1{font-size:16pt}h2{font-size:13pt;")
        .append("border-bottom:1px solid #999;margin-top:1.2rem}table{border-collapse:collapse;")
        .append("width:100%}td,th{border-bottom:1px solid #ddd;padding:3px;text-align:left;")
        .append("vertical-align:top}.flag{color:#b00020}</style></head><body>");
    html.append("<h1>OECD due-diligence report ")
        .append(report.year())
        .append(": ")
        .append(escape(company.name()))
        .append("</h1>");
    html.append("<p>Company ")
        .append(escape(company.id()))
        .append(" (")
        .append(escape(company.kind().wireName()))
        .append(", ")
        .append(escape(company.country().displayName()))
        .append(")")
        .append(
            company.licence() == null
                ? ", no licence on record"
                : ", licence "
                    + escape(company.licence().number())
                    + " valid "
                    + company.licence().validFrom()
                    + " to "
                    + company.licence().validUntil())
        .append(". Generated ")
        .append(escape(report.generatedAt().toString()))
        .append(" from the Oretrace custody record, following the five steps of the OECD Due")
        .append(" Diligence Guidance for Responsible Supply Chains of Minerals from")
        .append(" Conflict-Affected and High-Risk Areas.</p>");

    html.append("<h2>Step 1. Management systems</h2><p>The company's chain of custody is kept")
        .append(" in Oretrace: ")
        .append(report.eventsRecorded())
        .append(" custody events performed by the company in ")
        .append(report.year())
        .append(", each a leaf of the verifiable ledger (")
        .append(report.ledgerSize())
        .append(" entries when this report was made), whose signed checkpoints and proofs let")
        .append(" anyone check that the record is complete and unaltered.</p>");

    html.append("<h2>Step 2. Risks identified in the supply chain</h2>")
        .append("<h3>Supply-chain summary</h3>");
    if (report.minerals().isEmpty()) {
      html.append("<p>No lots handled in ").append(report.year()).append(".</p>");
    } else {
      html.append("<table><tr><th>mineral</th><th>lots</th><th>mass on record (kg)</th></tr>");
      for (MineralLine line : report.minerals()) {
        row(html, line.mineral().wireName(), line.lots(), kilograms(line.massGrams()));
      }
      html.append("</table>");
    }
    html.append("<h3>Origins</h3>");
    if (report.origins().isEmpty()) {
      html.append("<p>No origin site traced.</p>");
    } else {
      html.append("<table><tr><th>site</th><th>country</th><th>ICGLR status</th>")
          .append("<th>armed groups</th><th>CAHRA</th><th>tagged lots upstream</th></tr>");
      for (OriginLine origin : report.origins()) {
        row(
            html,
            origin.site().name() + " (" + origin.site().id() + ")",
            origin.site().country().displayName(),
            origin.site().icglrStatus().wireName(),
            origin.site().armedGroupPresence().wireName(),
            origin.site().cahra() ? "yes" : "no",
            origin.taggedLots());
      }
      html.append("</table>");
    }
    html.append("<h3>Red flags met</h3>");
    if (report.redFlags().isEmpty()) {
      html.append("<p>No red flag met.</p>");
    } else {
      html.append("<p class=\"flag\">")
          .append(report.redFlags().size())
          .append(" red flag(s) met.</p>")
          .append("<table><tr><th>red flag</th><th>about</th><th>facts</th></tr>");
      for (RedFlag flag : report.redFlags()) {
        row(html, flag.kind(), flag.subject(), flag.facts());
      }
      html.append("</table>");
    }

    html.append("<h2>Step 3. Strategy to respond to the risks</h2>");
    if (report.redFlags().isEmpty()) {
      html.append("<p>Nothing to respond to.</p>");
    } else {
      html.append("<p>How each red flag was handled (cases as seen by ")
          .append(escape(report.caseViewer()))
          .append("):</p><table><tr><th>red flag</th><th>about</th><th>handling</th></tr>");
      for (RedFlag flag : report.redFlags()) {
        row(html, flag.kind(), flag.subject(), flag.handling());
      }
      html.append("</table>");
    }

    html.append("<h2>Step 4. Independent third-party audits</h2>");
    List<AuditLine> audits = report.audits();
    if (audits.isEmpty()) {
      html.append("<p>No audit of an origin site on record.</p>");
    } else {
      html.append("<table><tr><th>site</th><th>auditor</th><th>date</th><th>result</th>")
          .append("<th>findings</th><th>corrective actions</th><th>overdue</th></tr>");
      for (AuditLine audit : audits) {
        row(
            html,
            audit.siteId(),
            audit.auditor(),
            audit.date(),
            audit.resultingStatus(),
            audit.findings(),
            audit.correctiveActions(),
            audit.overdueActions());
      }
      html.append("</table>");
    }

    html.append("<h2>Step 5. Report on supply-chain due diligence</h2><p>This document is the")
        .append(" company's annual report for ")
        .append(report.year())
        .append(". Every figure above is computed from the custody record and can be checked")
        .append(" against the ledger with <code>oretrace verify</code>.</p></body></html>");
    return html.toString();
  }

  /** The page rendered to PDF. */
  static byte[] pdf(DueDiligenceReport report) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html(report), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering the report to PDF failed", e);
    }
  }

  /** A table row of escaped cells. */
  private static void row(StringBuilder html, Object... cells) {
    html.append("<tr>");
    for (Object cell : cells) {
      html.append("<td>").append(escape(String.valueOf(cell))).append("</td>");
    }
    html.append("</tr>");
  }

  private static String kilograms(long grams) {
    return BigDecimal.valueOf(grams, 3).toPlainString();
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
