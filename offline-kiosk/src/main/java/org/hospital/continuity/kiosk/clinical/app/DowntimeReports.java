package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.SnapshotInfo;

/**
 * Downtime reports, browsable and printable: the ward census of the last snapshot and the orders
 * written on this kiosk during downtime. The snapshot version and its age head every printed page
 * (a repeated table header), so nobody mistakes an old list for a current one.
 */
@ApplicationScoped
public class DowntimeReports {

    private final DateTimeFormatter time;

    private final ReferenceData reference;
    private final Journal journal;
    private final InstantSource clock;

    public DowntimeReports(ReferenceData reference, Journal journal, InstantSource clock,
                           org.hospital.continuity.kiosk.platform.config.KioskConfig config) {
        this.reference = reference;
        this.journal = journal;
        this.clock = clock;
        // every time on a report is in the hospital's zone
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(config.timeZone()));
    }

    public String census(String language, UnaryOperator<String> text) {
        List<List<String>> rows = new ArrayList<>();
        for (KnownPatient p : reference.findPatients("", true, 10_000)) {
            rows.add(List.of(nz(p.ward()), nz(p.bed()), nz(p.inpatientNumber()), p.name(), p.sex() == null ? "" : text.apply("reg.sex." + p.sex()),
                    p.birthDate() == null ? "" : p.birthDate().toString(), PrintedForm.yuan(p.depositFen()), allergySummary(p, text)));
        }
        return page(language, text, "report.census", List.of("report.col.ward", "report.col.bed", "report.col.inpatientNumber",
                "report.col.name", "report.col.sex", "report.col.birthDate", "report.col.deposit", "report.col.allergies"), rows);
    }

    /**
     * The ward's allergy list — one row per recorded allergy of each census patient, and a
     * row saying "no known allergy" or "not recorded" for the others, so no patient is silently missing.
     */
    public String allergies(String language, UnaryOperator<String> text) {
        List<List<String>> rows = new ArrayList<>();
        List<KnownPatient> census = new ArrayList<>(reference.findPatients("", true, 10_000));
        census.sort(java.util.Comparator.comparing((KnownPatient p) -> nz(p.ward())).thenComparing(p -> nz(p.bed())));
        for (KnownPatient p : census) {
            if (p.allergies().isEmpty()) {
                rows.add(List.of(nz(p.ward()), nz(p.bed()), nz(p.inpatientNumber()), p.name(),
                        text.apply(p.allergiesRecorded() ? "allergy.none-known" : "allergy.not-recorded"), "", "", ""));
            }
            for (KnownPatient.Allergy a : p.allergies()) {
                rows.add(List.of(nz(p.ward()), nz(p.bed()), nz(p.inpatientNumber()), p.name(), nz(a.allergen()), nz(a.allergenCode()),
                        nz(a.reaction()), text.apply("allergy.severity." + a.severity())));
            }
        }
        return page(language, text, "report.allergies", List.of("report.col.ward", "report.col.bed", "report.col.inpatientNumber",
                "report.col.name", "report.col.allergen", "report.col.allergenCode", "report.col.reaction", "report.col.severity"), rows);
    }

    static String allergySummary(KnownPatient p, UnaryOperator<String> text) {
        if (p.allergies().isEmpty()) {
            return text.apply(p.allergiesRecorded() ? "allergy.none-known" : "allergy.not-recorded");
        }
        return String.join("；", p.allergies().stream().map(a -> a.allergen() + (a.reaction() == null ? "" : "（" + a.reaction() + "）")
                + " " + text.apply("allergy.severity." + a.severity())).toList());
    }

    /** The orders written here that are still active: a voided or corrected order leaves the list (its correction is listed). */
    public String activeOrders(String language, UnaryOperator<String> text) {
        java.util.Map<java.util.UUID, List<String>> byStream = new java.util.LinkedHashMap<>();
        long after = 0;
        List<Recorded> batch;
        do {
            batch = journal.readRecordsAfter(after, 1000);
            for (Recorded r : batch) {
                after = r.entry().kioskSeq();
                if (FormType.ORDER.streamType().equals(r.entry().streamType()) && r.entry().streamVersion() > 1) {
                    byStream.remove(r.entry().streamId()); // HR-9: voided or corrected
                } else if (FormType.ORDER.streamType().equals(r.entry().streamType())) {
                    JsonNode d = CanonicalJson.tree(r.entry().payload());
                    byStream.put(r.entry().streamId(), List.of(time.format(r.entry().recordedAt()), d.path("patient").path("name").asText(""),
                            d.path("patient").path("inpatientNumber").asText(""), text.apply("clinical.kind." + d.path("kind").asText()),
                            d.path("content").asText(""), d.path("dischargeMark").isNull() ? "" : text.apply("clinical.mark."
                                    + d.path("dischargeMark").asText()), "#" + r.entry().kioskSeq()));
                }
            }
        } while (batch.size() == 1000);
        List<List<String>> rows = new ArrayList<>(byStream.values());
        return page(language, text, "report.orders", List.of("print.time", "report.col.name", "report.col.inpatientNumber",
                "print.field.kind", "print.field.content", "print.field.dischargeMark", "print.seq"), rows); // the order's number on this kiosk, no id
    }

    private String page(String language, UnaryOperator<String> text, String title, List<String> columns, List<List<String>> rows) {
        SnapshotInfo info = reference.info().orElse(null);
        String age = info == null ? text.apply("report.no-snapshot")
                : text.apply("report.snapshot") + " " + time.format(info.generatedAt()) + " · "
                + text.apply("report.age") + " " + duration(info.age(clock.instant()), text);
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"").append(PrintedForm.esc(language))
                .append("\"><head><meta charset=\"utf-8\"><title>").append(PrintedForm.esc(text.apply(title)))
                .append("</title><style>@page{size:A4;margin:12mm}body{font-family:sans-serif;font-size:10pt}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:1mm 2mm;text-align:left}")
                .append("thead{display:table-header-group}.age{font-weight:bold}</style></head><body><h1>")
                .append(PrintedForm.esc(text.apply(title))).append("</h1><table><thead><tr><th class=\"age\" colspan=\"")
                .append(columns.size()).append("\">").append(PrintedForm.esc(text.apply("print.downtime-mark"))).append(" · ").append(PrintedForm.esc(age)).append(" · ")
                .append(PrintedForm.esc(text.apply("report.printed"))).append(' ').append(time.format(clock.instant()))
                .append("</th></tr><tr>");
        columns.forEach(c -> b.append("<th>").append(PrintedForm.esc(text.apply(c))).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(v -> b.append("<td>").append(PrintedForm.esc(v)).append("</td>"));
            b.append("</tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    /** 7分钟, 3小时5分钟, 2天3小时 — words, never a raw duration. */
    static String duration(Duration d, UnaryOperator<String> text) {
        long m = Math.max(0, d.toMinutes());
        if (m < 60) {
            return m + text.apply("unit.minutes");
        }
        if (m < 24 * 60) {
            return m / 60 + text.apply("unit.hours") + (m % 60 == 0 ? "" : m % 60 + text.apply("unit.minutes"));
        }
        return m / (24 * 60) + text.apply("unit.days") + (m % (24 * 60) / 60 == 0 ? "" : m % (24 * 60) / 60 + text.apply("unit.hours"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
