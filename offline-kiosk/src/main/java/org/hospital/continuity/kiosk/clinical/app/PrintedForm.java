package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.hospital.continuity.kiosk.platform.print.QrCodes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.clinical.domain.RecordStatus;

/**
 * The printable page of a clinical downtime form: A5 (A4 for the duplicate requisition), marked
 * "停机手工单 / downtime form", with the record id, its QR code, the operator and the time. The
 * requisition prints two copies (EP-6.5: ward back-entry copy and pharmacy dispensing voucher).
 */
public final class PrintedForm {

    /** Details that hold the id of another record. */
    private static final java.util.Set<String> REFERENCES = java.util.Set.of("corrects", "fills", "fillsAsWritten");
    /** Columns of names, which wrap when the page is narrow; every other column keeps its words on one line. */
    private static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("drugName", "name", "description");
    /** Columns of quantities and sums, right-aligned. */
    private static final java.util.Set<String> NUMBER_COLUMNS = java.util.Set.of("quantity", "days", "unitPriceFen", "amountFen", "priceFen");

    private PrintedForm() {
    }

    /**
     * The page in {@code language}; times in the hospital's {@code zone}; the kiosk's name and its journal sequence in
     * words and the record id as a QR code (HR-11); operators by name ({@code names}: account → person); a record this one
     * refers to (what it corrects or fills, what corrected it) by its number on this kiosk ({@code recordNo}: record id →
     * "#N", null when this kiosk does not hold it), never by its id.
     */
    public static String html(ClinicalRecord r, String language, UnaryOperator<String> text, ZoneId zone, String kioskName,
                              UnaryOperator<String> names, UnaryOperator<String> recordNo) {
        return html(r, language, text, zone, kioskName, names, recordNo, false);
    }

    /** As above; {@code training}: a drill's record (HR-21), printed with the 演练 mark on every copy. */
    public static String html(ClinicalRecord r, String language, UnaryOperator<String> text, ZoneId zone, String kioskName,
                              UnaryOperator<String> names, UnaryOperator<String> recordNo, boolean training) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<String> copies = r.type() == FormType.REQUISITION
                ? List.of("print.copy.ward", "print.copy.pharmacy") : List.of("");
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"").append(esc(language)).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(text.apply("form." + r.type().streamType()))).append(" #").append(r.kioskSeq()).append("</title><style>")
                .append("@page{size:").append(copies.size() > 1 ? "A4" : "A5").append(";margin:12mm}")
                .append("body{font-family:sans-serif;font-size:11pt;color:#000;background:#fff;margin:0}")
                .append(".copy{page-break-after:always;break-after:page;padding:4mm}.copy:last-child{page-break-after:auto;break-after:auto}")
                .append(".mark{font-weight:bold;border:2px solid #000;display:inline-block;padding:1mm 3mm}")
                .append("header{display:flex;justify-content:space-between;align-items:flex-start}header img{width:28mm;height:28mm}")
                // A5 is narrow: the table's type is a little smaller, headers, codes, doses and sums never break; only the
                // name column takes what is left and wraps (a drug name stays whole on a line as long as it fits)
                .append("table{border-collapse:collapse;width:calc(100% - 2px);margin-top:3mm;font-size:.9em}") // the right border inside the page
                .append("td,th{border:1px solid #000;padding:.6mm 1.2mm;text-align:left;white-space:nowrap}")
                .append("td.text{white-space:normal;width:100%}td.num{text-align:right}")
                // on screen (the print preview) each copy is a sheet of its paper; printed, the page's margin is the sheet's
                .append("@media screen{body{background:#e9ecef}.copy{width:").append(copies.size() > 1 ? "210mm" : "148mm")
                .append(";margin:6mm auto;padding:12mm;background:#fff;box-shadow:0 0 3mm rgba(0,0,0,.3)}}")
                .append("@media print{.copy{padding:0}}")
                .append("dl{display:grid;grid-template-columns:auto 1fr;gap:1mm 4mm}dt{font-weight:bold}")
                .append(".allergies{border:3px solid #000;padding:1mm 3mm;margin-top:3mm;font-weight:bold}")
                .append(".amended{border:4px double #000;padding:2mm 3mm;margin:2mm 0;font-size:14pt;font-weight:bold}")
                .append(".voided .lines{text-decoration:line-through}")
                .append("</style></head><body>");
        String qr = QrCodes.dataUri(r.id().toString());
        for (String copy : copies) {
            b.append("<section class=\"copy").append(r.status() == RecordStatus.VOIDED ? " voided" : "")
                    .append("\" data-record-id=\"").append(r.id()).append("\" data-status=\"").append(esc(r.status().name())).append("\"><header><div>")
                    .append("<div class=\"mark\">").append(esc(text.apply("print.downtime-mark"))).append("</div>")
                    .append(training ? "<div class=\"mark training\">" + esc(text.apply("print.training.mark")) + "</div><p class=\"amended\">"
                            + esc(text.apply("print.training.note")) + "</p>" : "")
                    .append("<h1>").append(esc(text.apply("form." + r.type().streamType()))).append("</h1>");
            amendment(b, r, text, time, names, recordNo);
            if (!copy.isEmpty()) {
                b.append("<h2 class=\"copy-name\">").append(esc(text.apply(copy))).append("</h2>");
            }
            b.append("<dl><dt>").append(esc(text.apply("print.kiosk"))).append("</dt><dd>").append(esc(kioskName))
                    .append("</dd><dt>").append(esc(text.apply("print.operator"))).append("</dt><dd>").append(esc(names.apply(r.actor())))
                    .append("</dd><dt>").append(esc(text.apply("print.time"))).append("</dt><dd>").append(time.format(r.recordedAt()))
                    .append("</dd><dt>").append(esc(text.apply("print.seq"))).append("</dt><dd>#").append(r.kioskSeq()).append("</dd>");
            JsonNode p = r.details().path("patient");
            if (!p.isMissingNode()) {
                b.append("<dt>").append(esc(text.apply("print.patient"))).append("</dt><dd>").append(esc(p.path("name").asText("")));
                for (String f : List.of("inpatientNumber", "outpatientNumber", "ward", "bed")) {
                    if (!p.path(f).isNull() && !p.path(f).isMissingNode()) {
                        b.append(" · ").append(esc(p.path(f).asText()));
                    }
                }
                b.append("</dd>");
            }
            // records referred to (what a correction corrects, what a dispense fills) print by their number on this kiosk;
            // their ids travel in the QR and the data, never as words
            for (String f : List.of("corrects", "correctionReason", "fills", "fillsAsWritten", "diagnosis", "kind", "content", "dischargeMark",
                    "stubNumber", "overrideReason", "note")) {
                JsonNode n = r.details().path(f);
                boolean reference = REFERENCES.contains(f);
                if (reference && !n.isMissingNode() && !n.isNull() && (recordNo.apply(n.asText()) == null
                        || ("fillsAsWritten".equals(f) && n.asText().equals(r.details().path("fills").asText())))) {
                    continue; // not held here, or the dispense fills the record as written: nothing more to say
                }
                if (!n.isMissingNode() && !n.isNull()) {
                    String value = reference ? text.apply("print.seq") + " " + recordNo.apply(n.asText())
                            : "kind".equals(f) ? text.apply("clinical.kind." + n.asText())
                            : "dischargeMark".equals(f) ? text.apply("clinical.mark." + n.asText()) : n.asText();
                    b.append("<dt>").append(esc(text.apply("print.field." + f))).append("</dt><dd>").append(esc(value)).append("</dd>");
                }
            }
            b.append("</dl></div><img alt=\"QR\" class=\"qr\" src=\"").append(qr).append("\"></header>");
            allergies(b, r.details().path("allergyCheck"), text);
            JsonNode lines = r.details().has("lines") ? r.details().path("lines") : r.details().path("exams");
            if (lines.isArray() && lines.size() > 0) {
                b.append("<table class=\"lines\"><thead><tr>");
                List<String> cols = columns(lines.get(0));
                for (String c : cols) {
                    b.append("<th>").append(esc(text.apply("print.col." + c))).append("</th>");
                }
                b.append("</tr></thead><tbody>");
                for (JsonNode l : lines) {
                    b.append("<tr>");
                    for (String c : cols) {
                        JsonNode v = l.path(c);
                        String value = "usage".equals(c) ? usage(l) : v.isNull() || v.isMissingNode() ? "" : c.endsWith("Fen") ? yuan(v.asLong())
                                : v.asText();
                        b.append("<td").append(TEXT_COLUMNS.contains(c) ? " class=\"text\"" : NUMBER_COLUMNS.contains(c) ? " class=\"num\"" : "")
                                .append('>').append(esc(value)).append("</td>");
                    }
                    b.append("</tr>");
                }
                b.append("</tbody></table>");
            }
            if (r.details().has("totalFen")) {
                b.append("<p class=\"total\">").append(esc(text.apply("print.total"))).append(' ')
                        .append(yuan(r.details().path("totalFen").asLong())).append("</p>");
            }
            b.append("<p>").append(esc(text.apply("print.signature"))).append(" ______________</p></section>");
        }
        return b.append("</body></html>").toString();
    }

    /** HR-9: a voided or corrected record prints so that nobody acts on it by mistake. */
    private static void amendment(StringBuilder b, ClinicalRecord r, UnaryOperator<String> text, DateTimeFormatter time,
                                  UnaryOperator<String> names, UnaryOperator<String> recordNo) {
        if (r.amendment() == null) {
            return;
        }
        ClinicalRecord.Amendment a = r.amendment();
        b.append("<div class=\"amended\">").append(esc(text.apply("print.status." + a.kind())));
        if (a.correctedBy() != null) {
            b.append(" → ").append(esc(text.apply("print.corrected-by")));
            String no = recordNo.apply(a.correctedBy().toString());
            if (no != null) {
                b.append("（").append(esc(text.apply("print.seq"))).append(' ').append(esc(no)).append("）");
            }
        }
        b.append("<br>").append(esc(text.apply("print.reason"))).append(": ").append(esc(a.reason())).append(" · ")
                .append(esc(text.apply("print.amended-by"))).append(": ").append(esc(names.apply(a.actor())));
        // HR-9: both names, the person who made the change and the second person who approved it
        if (a.approvedByName() != null) {
            b.append(" · ").append(esc(text.apply("print.approved-by"))).append(": ").append(esc(a.approvedByName()));
        }
        b.append(" · ").append(time.format(a.at())).append("</div>");
    }

    /** The patient's allergies as seen when the form was written, boxed; drug warnings and the override reason. */
    private static void allergies(StringBuilder b, JsonNode check, UnaryOperator<String> text) {
        if (check.isMissingNode() || check.isNull()) {
            return;
        }
        b.append("<div class=\"allergies\">").append(esc(text.apply("print.allergies"))).append(": ");
        if (check.path("allergies").size() == 0) {
            b.append(esc(text.apply(check.path("recorded").asBoolean() ? "allergy.none-known" : "allergy.not-recorded")));
        }
        int n = 0;
        for (JsonNode a : check.path("allergies")) {
            b.append(n++ > 0 ? "；" : "").append(esc(a.path("allergen").asText()));
            if (!a.path("reaction").isNull() && !a.path("reaction").isMissingNode()) {
                b.append("（").append(esc(a.path("reaction").asText())).append("）");
            }
            b.append(' ').append(esc(text.apply("allergy.severity." + a.path("severity").asText())));
        }
        for (JsonNode w : check.path("warnings")) {
            b.append("<br>⚠ ").append(esc(text.apply("print.allergy-warning"))).append(": ").append(esc(w.path("drugName").asText()))
                    .append(" ↔ ").append(esc(w.path("allergen").asText()));
        }
        if (!check.path("overrideReason").isNull() && !check.path("overrideReason").isMissingNode()) {
            b.append("<br>").append(esc(text.apply("print.field.allergyOverrideReason"))).append(": ")
                    .append(esc(check.path("overrideReason").asText()));
        }
        b.append("</div>");
    }

    private static List<String> columns(JsonNode line) {
        if (line.has("drugCode")) {
            // dose, unit, route and frequency in one column as a prescription writes them (0.5 g po tid): ten columns do not fit A5
            return List.of("drugName", "specification", "usage", "quantity", "days", "unitPriceFen", "amountFen");
        }
        if (line.has("description")) {
            return List.of("itemCode", "description", "priceFen");
        }
        return List.of("code", "name", "specification", "unit", "quantity", "unitPriceFen", "amountFen");
    }

    /** How the drug is taken, as the doctor wrote it: dose, unit, route, frequency. */
    private static String usage(JsonNode line) {
        StringBuilder u = new StringBuilder();
        for (String f : List.of("dose", "doseUnit", "route", "frequency")) {
            JsonNode v = line.path(f);
            if (!v.isNull() && !v.isMissingNode() && !v.asText().isBlank()) {
                // a unit follows its dose without a space (0.5g); the rest are separate words
                u.append(u.length() == 0 || "doseUnit".equals(f) ? "" : " ").append(v.asText());
            }
        }
        return u.toString();
    }

    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
