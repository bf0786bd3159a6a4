package org.hospital.continuity.kiosk.platform.print;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The paper of the plan as a printable page: a registration slip, an invoice, an IOU slip, a discharge settlement.
 * HR-11: it is marked as a downtime form (a look unlike the HIS's official paper) and carries its record id as a QR
 * code; people read the kiosk's name and its journal sequence instead of an id. Every time is in the hospital's zone.
 * A voided record's reprint carries a void mark across the page (HR-9). {@code @media print} sets the page size: A5,
 * or 80 mm receipt paper; on screen the same page is its own print preview.
 */
public final class PaperPage {

    /** The paper a page is laid out for. */
    public enum Paper {
        A5("A5", "148mm", "10mm", "11pt"),
        RECEIPT_80MM("80mm 200mm", "72mm", "3mm", "9.5pt");

        final String pageSize;
        final String width;
        final String margin;
        final String fontSize;

        Paper(String pageSize, String width, String margin, String fontSize) {
            this.pageSize = pageSize;
            this.width = width;
            this.margin = margin;
            this.fontSize = fontSize;
        }

        /** {@code a5} or {@code 80mm} from a query parameter; anything else keeps the document's own paper. */
        public static Paper of(String name, Paper otherwise) {
            if ("a5".equalsIgnoreCase(name)) {
                return A5;
            }
            if ("80mm".equalsIgnoreCase(name) || "receipt".equalsIgnoreCase(name)) {
                return RECEIPT_80MM;
            }
            return otherwise;
        }
    }

    private final String language;
    private final Paper paper;
    private final String title;
    private final UnaryOperator<String> text;
    private final DateTimeFormatter time;
    private final List<String> body = new ArrayList<>();
    private String head = "";
    private String qr = "";
    private String voidMark = "";
    private String trainingMark = "";
    private String dataAttributes = "";

    private PaperPage(String language, Paper paper, String title, UnaryOperator<String> text, ZoneId zone) {
        this.language = language;
        this.paper = paper;
        this.title = title;
        this.text = text;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** A page of {@code title} (already in the page's language); {@code text} resolves message keys. */
    public static PaperPage of(String language, Paper paper, String title, UnaryOperator<String> text, ZoneId zone) {
        return new PaperPage(language, paper, title, text, zone);
    }

    /** HR-11: the record's id as a QR code; the kiosk, its journal sequence, the operator and the time as words. */
    public PaperPage record(UUID id, long kioskSeq, String kioskName, String operator, Instant at) {
        qr = "<img class=\"qr\" alt=\"\" src=\"" + QrCodes.dataUri(id.toString()) + "\">";
        dataAttributes = " data-record-id=\"" + id + "\"";
        head = "<dl class=\"meta\">" + dd("print.kiosk", kioskName) + dd("print.seq", kioskSeq > 0 ? "#" + kioskSeq : "")
                + dd("print.operator", operator) + dd("print.time", time.format(at)) + "</dl>";
        return this;
    }

    /** HR-9: the record was voided: the mark, the reason, who and when. */
    public PaperPage voided(String reason, Instant at, String by) {
        voidMark = "<div class=\"void-mark\" aria-hidden=\"true\">" + esc(text.apply("print.void.mark")) + "</div>"
                + "<p class=\"void-note\"><strong>" + esc(text.apply("print.void.title")) + "</strong> " + esc(text.apply("print.reason"))
                + "：" + esc(reason) + (by == null ? "" : " · " + esc(by)) + (at == null ? "" : " · " + time.format(at)) + "</p>";
        return this;
    }

    /**
     * HR-21: a drill's record (training namespace): a 演练 watermark across the sheet and a line saying it is no real record,
     * so that a slip printed in a drill can never pass for a real one.
     */
    public PaperPage training() {
        trainingMark = "<div class=\"training-mark\" aria-hidden=\"true\">" + esc(text.apply("print.training.mark")) + "</div>"
                + "<p class=\"training-note\"><strong>" + esc(text.apply("print.training.note")) + "</strong></p>";
        return this;
    }

    /** A label (message key) and its value; {@code big} prints it large (the patient number, the IOU number). */
    public PaperPage row(String labelKey, String value, boolean big) {
        if (value == null || value.isBlank()) {
            return this;
        }
        body.add("<p class=\"row" + (big ? " big" : "") + "\"><span class=\"label\">" + esc(text.apply(labelKey)) + "</span>"
                + "<span class=\"value\">" + esc(value) + "</span></p>");
        return this;
    }

    public PaperPage row(String labelKey, String value) {
        return row(labelKey, value, false);
    }

    /** A table: header keys and rows of cells (already formatted). */
    public PaperPage table(List<String> headerKeys, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table><thead><tr>");
        headerKeys.forEach(h -> b.append("<th>").append(esc(text.apply(h))).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            b.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                b.append("<td").append(i >= r.size() - 2 ? " class=\"num\"" : "").append('>').append(esc(r.get(i))).append("</td>");
            }
            b.append("</tr>");
        }
        body.add(b.append("</tbody></table>").toString());
        return this;
    }

    /** A rule or note printed in a box (the IOU exchange rule, EP-4.4). */
    public PaperPage note(String words) {
        body.add("<p class=\"note\">" + esc(words) + "</p>");
        return this;
    }

    /** A line to sign on. */
    public PaperPage signature(String labelKey) {
        body.add("<p class=\"sign\">" + esc(text.apply(labelKey)) + "：______________</p>");
        return this;
    }

    public String html() {
        return "<!DOCTYPE html><html lang=\"" + esc(language) + "\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + "@page{size:" + paper.pageSize + ";margin:" + paper.margin + "}"
                + "*{box-sizing:border-box}body{margin:0;background:#e9ecef;color:#000;font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif}"
                + ".sheet{position:relative;width:" + paper.width + ";margin:6mm auto;padding:" + paper.margin + ";background:#fff;"
                + "font-size:" + paper.fontSize + ";box-shadow:0 0 3mm rgba(0,0,0,.3);overflow:hidden}"
                + "@media print{body{background:#fff}.sheet{margin:0;padding:0;box-shadow:none;width:auto}}"
                + ".mark{display:inline-block;border:2px dashed #000;padding:.5mm 2mm;font-weight:bold;font-size:.9em}"
                + "header{display:flex;justify-content:space-between;gap:3mm;align-items:flex-start}"
                + ".qr{width:" + (paper == Paper.A5 ? "26mm" : "20mm") + ";height:auto;flex:none}"
                + "h1{font-size:1.35em;margin:1.5mm 0}dl.meta{display:grid;grid-template-columns:auto 1fr;gap:.3mm 2mm;margin:1mm 0;font-size:.85em}"
                + "dl.meta dt{font-weight:bold}dl.meta dd{margin:0}"
                + ".row{display:flex;gap:2mm;margin:.8mm 0}.row .label{font-weight:bold;white-space:nowrap}.row.big{font-size:1.5em}"
                + "table{border-collapse:collapse;width:100%;margin:2mm 0;font-size:.92em}th,td{border:1px solid #000;padding:.5mm 1mm;text-align:left}"
                + "td.num{text-align:right;white-space:nowrap}.note{border:1.5px solid #000;padding:1.5mm;margin:2mm 0}"
                + ".sign{margin-top:4mm}.void-mark{position:absolute;top:35%;left:0;right:0;text-align:center;font-size:" + (paper == Paper.A5
                ? "60pt" : "40pt") + ";font-weight:bold;color:rgba(200,0,0,.35);transform:rotate(-25deg);border:6px double rgba(200,0,0,.35);"
                + "pointer-events:none}.void-note{border:2px solid #000;padding:1mm 2mm;font-weight:bold}"
                + ".training-mark{position:absolute;top:20%;left:0;right:0;text-align:center;font-size:" + (paper == Paper.A5 ? "90pt" : "60pt")
                + ";font-weight:bold;color:rgba(0,0,0,.18);transform:rotate(-25deg);pointer-events:none}"
                + ".training-note{border:2px dashed #000;padding:1mm 2mm}"
                + "</style></head><body><article class=\"sheet\"" + dataAttributes + ">" + trainingMark + voidMark
                + "<header><div><div class=\"mark\">" + esc(text.apply("print.downtime-mark")) + "</div><h1>" + esc(title) + "</h1>" + head
                + "</div>" + qr + "</header>" + String.join("", body) + "</article></body></html>";
    }

    private String dd(String key, String value) {
        return value == null || value.isBlank() ? "" : "<dt>" + esc(text.apply(key)) + "</dt><dd>" + esc(value) + "</dd>";
    }

    /** ¥12.50 from fen. */
    public static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + "¥" + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
