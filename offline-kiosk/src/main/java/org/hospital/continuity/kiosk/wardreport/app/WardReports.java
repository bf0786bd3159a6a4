package org.hospital.continuity.kiosk.wardreport.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.print.PdfPages;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.ReferenceSnapshot;
import org.hospital.continuity.kiosk.reference.SnapshotInfo;

/**
 * The ward's downtime reports as a BCA PC prints them, generated on the kiosk from the latest snapshot with no network:
 * for each ward of the snapshot's census, one A4 document with the census (bed, 住院号, name, sex, age, allergies), the MAR of
 * the next 24 hours by patient and time (with a column for the nurse's signature), the active orders and the allergies.
 * Every page is headed with the ward and the as-of time (when the HIS last answered for the census, the orders, the MAR and
 * the allergies) and numbered 第 n 页/共 m 页. All times in the hospital's zone. The paper is the hospital's: Chinese.
 */
@ApplicationScoped
public class WardReports {

    /** One ward's report: its name, its patients' count and the XHTML to print. */
    public record WardReport(String ward, int patients, String xhtml) {
    }

    private static final Map<String, String> SEX = Map.of("M", "男", "F", "女");
    private static final Map<String, String> SEVERITY = Map.of("MILD", "轻度", "MODERATE", "中度", "SEVERE", "重度", "UNKNOWN", "程度不详");

    private final ReferenceData reference;
    private final DateTimeFormatter time;
    private final ZoneId zone;

    public WardReports(ReferenceData reference, KioskConfig config) {
        this.reference = reference;
        this.zone = ZoneId.of(config.timeZone());
        this.time = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(zone);
    }

    /** The wards of this kiosk's census, by name (a patient without a ward is listed under 未分病区). */
    public List<String> wards() {
        return byWard().keySet().stream().toList();
    }

    /** Each ward's report, as of now (the time printed on it). */
    public List<WardReport> all(Instant printedAt) {
        List<WardReport> out = new ArrayList<>();
        byWard().forEach((ward, patients) -> out.add(new WardReport(ward, patients.size(), xhtml(ward, patients, printedAt))));
        return out;
    }

    /** One ward's report; empty when the census has no such ward. */
    public java.util.Optional<WardReport> of(String ward, Instant printedAt) {
        List<KnownPatient> patients = byWard().get(ward);
        return patients == null ? java.util.Optional.empty() : java.util.Optional.of(new WardReport(ward, patients.size(), xhtml(ward, patients, printedAt)));
    }

    private Map<String, List<KnownPatient>> byWard() {
        Map<String, List<KnownPatient>> out = new TreeMap<>();
        for (KnownPatient p : reference.findPatients("", true, 100_000)) {
            out.computeIfAbsent(p.ward() == null || p.ward().isBlank() ? "未分病区" : p.ward(), k -> new ArrayList<>()).add(p);
        }
        out.values().forEach(l -> l.sort(Comparator.comparing((KnownPatient p) -> bedNumber(p.bed())).thenComparing(p -> nz(p.bed()))));
        return out;
    }

    /** "12床" sorts after "3床". */
    static int bedNumber(String bed) {
        if (bed == null) {
            return Integer.MAX_VALUE;
        }
        String digits = bed.replaceAll("\\D+", "");
        try {
            return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits.length() > 8 ? digits.substring(0, 8) : digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The as-of line: each piece of the HIS feed the report prints and when the HIS last answered for it; else the snapshot's time. */
    String asOf() {
        List<ReferenceSnapshot.FeedAsOf> feed = reference.feed().stream()
                .filter(f -> List.of("CENSUS", "ALLERGIES", "ORDERS", "MAR").contains(f.piece())).toList();
        if (feed.isEmpty()) {
            return reference.info().map(SnapshotInfo::generatedAt).map(t -> "数据截至 " + time.format(t)).orElse("无基础数据");
        }
        Instant oldest = feed.stream().map(ReferenceSnapshot.FeedAsOf::asOf).min(Comparator.naturalOrder()).orElseThrow();
        return "数据截至 " + time.format(oldest);
    }

    private String xhtml(String ward, List<KnownPatient> patients, Instant printedAt) {
        String asOf = asOf();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\" /><title>").append(PdfPages.esc(ward)).append(" 停机报表</title><style>")
                .append("@page { size: A4; margin: 22mm 12mm 16mm 12mm;")
                .append(" @top-left { content: \"").append(css(ward + " · 停机报表")).append("\"; font-family: \"CJK\"; font-size: 10pt; }")
                .append(" @top-right { content: \"").append(css(asOf)).append("\"; font-family: \"CJK\"; font-size: 9pt; }")
                .append(" @bottom-left { content: \"").append(css("打印于 " + time.format(printedAt) + " · 停机应急用纸")).append("\"; font-family: \"CJK\"; font-size: 8pt; color: #444; }")
                .append(" @bottom-right { content: \"第 \" counter(page) \" 页/共 \" counter(pages) \" 页\"; font-family: \"CJK\"; font-size: 9pt; } }")
                .append("body { font-family: \"CJK\"; font-size: 9.5pt; color: #000; }")
                .append("h1 { font-size: 14pt; margin: 0 0 4pt 0; } h2 { font-size: 11.5pt; margin: 10pt 0 3pt 0; border-bottom: 1pt solid #000; page-break-after: avoid; }")
                .append("h3 { font-size: 10pt; margin: 6pt 0 2pt 0; page-break-after: avoid; } p.asof { margin: 0 0 4pt 0; }")
                .append("table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; } thead { display: table-header-group; }")
                .append("td, th { border: 0.6pt solid #000; padding: 1.5pt 3pt; text-align: left; vertical-align: top; } th { background: #eee; }")
                .append("tr { page-break-inside: avoid; } .sign { width: 22mm; } .none { color: #333; }")
                .append("</style></head><body>");
        b.append("<h1>").append(PdfPages.esc(ward)).append(" 停机报表</h1>");
        b.append("<p class=\"asof\">").append(PdfPages.esc(asOf)).append("　在院 ").append(patients.size()).append(" 人</p>");
        List<ReferenceSnapshot.FeedAsOf> feed = reference.feed();
        if (!feed.isEmpty()) {
            b.append("<p class=\"asof\">");
            List<String> parts = new ArrayList<>();
            for (ReferenceSnapshot.FeedAsOf f : feed) {
                if (List.of("CENSUS", "ALLERGIES", "ORDERS", "MAR").contains(f.piece())) {
                    parts.add(f.zh() + " " + time.format(f.asOf()));
                }
            }
            b.append(PdfPages.esc(String.join("；", parts))).append("</p>");
        }

        // census
        b.append("<h2>在院病人一览</h2><table><thead><tr><th>床号</th><th>住院号</th><th>姓名</th><th>性别</th><th>年龄</th><th>过敏史</th></tr></thead><tbody>");
        LocalDate today = printedAt.atZone(zone).toLocalDate();
        for (KnownPatient p : patients) {
            row(b, nz(p.bed()), nz(p.inpatientNumber()), p.name(), SEX.getOrDefault(nz(p.sex()), ""),
                    p.birthDate() == null ? "" : Period.between(p.birthDate(), today).getYears() + "岁", allergySummary(p));
        }
        b.append("</tbody></table>");

        // the MAR of the next 24 hours, by patient and time
        b.append("<h2>24小时给药计划（按病人、时间）</h2>");
        boolean anyMar = false;
        for (KnownPatient p : patients) {
            List<ReferenceSnapshot.Administration> mar = new ArrayList<>(reference.medication(p.patientId()).administrations());
            if (mar.isEmpty()) {
                continue;
            }
            anyMar = true;
            mar.sort(Comparator.comparing(ReferenceSnapshot.Administration::due));
            b.append("<h3>").append(PdfPages.esc(nz(p.bed()) + "　" + p.name() + "　住院号 " + nz(p.inpatientNumber()) + "　过敏史："
                    + allergySummary(p))).append("</h3>");
            b.append("<table><thead><tr><th>计划时间</th><th>药品</th><th>剂量</th><th>途径</th><th class=\"sign\">执行时间</th><th class=\"sign\">执行签名</th></tr></thead><tbody>");
            for (ReferenceSnapshot.Administration a : mar) {
                row(b, time.format(a.due()), a.drug(), nz(a.dose()), nz(a.route()), "", "");
            }
            b.append("</tbody></table>");
        }
        if (!anyMar) {
            b.append("<p class=\"none\">本病区未来24小时无计划给药（或基础数据中没有给药计划）。</p>");
        }

        // active orders
        b.append("<h2>在用医嘱</h2>");
        List<List<String>> orders = new ArrayList<>();
        for (KnownPatient p : patients) {
            for (ReferenceSnapshot.Order o : reference.medication(p.patientId()).orders()) {
                orders.add(List.of(nz(p.bed()), p.name(), o.drug(), nz(o.dose()), nz(o.route()), nz(o.frequency()),
                        o.authoredOn() == null ? "" : time.format(o.authoredOn()), nz(o.prescriber()), nz(o.note())));
            }
        }
        if (orders.isEmpty()) {
            b.append("<p class=\"none\">本病区没有在用医嘱（或基础数据中没有医嘱）。</p>");
        } else {
            b.append("<table><thead><tr><th>床号</th><th>姓名</th><th>药品</th><th>剂量</th><th>途径</th><th>频次</th><th>开立时间</th><th>医生</th><th>备注</th></tr></thead><tbody>");
            orders.forEach(r -> row(b, r.toArray(String[]::new)));
            b.append("</tbody></table>");
        }

        // allergies: every patient has a line, so nobody is silently missing
        b.append("<h2>过敏史</h2><table><thead><tr><th>床号</th><th>姓名</th><th>住院号</th><th>过敏原</th><th>反应</th><th>严重程度</th></tr></thead><tbody>");
        for (KnownPatient p : patients) {
            if (p.allergies().isEmpty()) {
                row(b, nz(p.bed()), p.name(), nz(p.inpatientNumber()), p.allergiesRecorded() ? "无已知过敏" : "未记录过敏史", "", "");
            }
            for (KnownPatient.Allergy a : p.allergies()) {
                row(b, nz(p.bed()), p.name(), nz(p.inpatientNumber()), nz(a.allergen()), nz(a.reaction()), SEVERITY.getOrDefault(nz(a.severity()), "程度不详"));
            }
        }
        b.append("</tbody></table>");
        return b.append("</body></html>").toString();
    }

    static String allergySummary(KnownPatient p) {
        if (p.allergies().isEmpty()) {
            return p.allergiesRecorded() ? "无已知过敏" : "未记录过敏史";
        }
        return String.join("；", p.allergies().stream().map(a -> nz(a.allergen()) + (a.reaction() == null ? "" : "（" + a.reaction() + "）")
                + " " + SEVERITY.getOrDefault(nz(a.severity()), "程度不详")).toList());
    }

    private static void row(StringBuilder b, String... cells) {
        b.append("<tr>");
        for (String c : cells) {
            b.append("<td>").append(PdfPages.esc(c)).append("</td>");
        }
        b.append("</tr>");
    }

    /** A CSS string literal's content. */
    private static String css(String s) {
        return PdfPages.esc(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
