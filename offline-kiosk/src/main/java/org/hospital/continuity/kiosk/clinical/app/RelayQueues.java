package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.relay.RelayInbox;
import org.hospital.continuity.sync.contract.RelayFeed;

/**
 * HIS down, LAN up: what the relay brought to this station, as the signed-in person works on it (HR-5: a role sees only
 * its own share; the server already limited it to the department): the pharmacist the prescriptions and requisitions
 * to dispense (EP-6.7), the med-tech the exam requests (EP-6.6), the doctor the patients registered with the department
 * (EP-6.2, EP-6.4) — and, before the HIS went down, the outpatients the HIS registered with the department today (the
 * server's reference feed: they are in the queue whether or not the LAN is up) — the ward and the doctor what came back —
 * dispenses and exams done.
 */
@ApplicationScoped
public class RelayQueues {

    /** One row of the relay screen; {@code kind} and {@code status} are codes the screen puts in words. */
    public record Row(UUID recordId, String kind, Instant recordedAt, String patientName, String bed, String inpatientNumber,
                      String patientNumber, String from, String summary, String status, UUID fills, String fillLines) {
    }

    /** The screen: rows newest first, and the inbox version to wait after. */
    public record Queue(long version, Boolean serverReachable, List<Row> rows) {
    }

    private final RelayInbox inbox;
    private final ReadingClinicalRecords records;
    private final ReferenceData reference;
    private final java.time.InstantSource clock;
    private final java.time.ZoneId zone;

    @jakarta.inject.Inject
    public RelayQueues(RelayInbox inbox, ReadingClinicalRecords records, ReferenceData reference, java.time.InstantSource clock,
                       org.hospital.continuity.kiosk.platform.config.KioskConfig config) {
        this(inbox, records, reference, clock, java.time.ZoneId.of(config.timeZone()));
    }

    public RelayQueues(RelayInbox inbox, ReadingClinicalRecords records, ReferenceData reference, java.time.InstantSource clock, java.time.ZoneId zone) {
        this.inbox = inbox;
        this.records = records;
        this.reference = reference;
        this.clock = clock;
        this.zone = zone;
    }

    /** Waits up to {@code waitMillis} for something after {@code since}, then the queue of these roles. */
    public Queue queue(Collection<String> roles, long since, long waitMillis) throws InterruptedException {
        long version = waitMillis > 0 ? inbox.awaitAfter(since, Math.min(waitMillis, 25_000)) : inbox.version();
        return new Queue(version, inbox.reachable().orElse(null), rows(roles, inbox.entries()));
    }

    List<Row> rows(Collection<String> roles, List<RelayFeed.Entry> entries) {
        Set<UUID> voided = new HashSet<>();
        Set<UUID> corrected = new HashSet<>();
        Set<UUID> dispensed = new HashSet<>();
        for (RelayFeed.Entry e : entries) {
            if ("ClinicalFormVoided".equals(e.eventType())) {
                voided.add(e.recordId());
            } else if ("ClinicalFormCorrected".equals(e.eventType())) {
                corrected.add(e.recordId());
            } else if ("Dispensed".equals(e.eventType())) {
                fills(e.payload(), dispensed);
            }
        }
        if (roles.contains(ClinicalRoles.PHARMACIST)) {
            // this kiosk's own dispenses fill relayed records too
            for (ClinicalRecord r : records.recent(List.of(FormType.DISPENSE), 500)) {
                fills(r.details(), dispensed);
            }
        }
        List<Row> out = new ArrayList<>();
        for (RelayFeed.Entry e : entries) {
            if (e.streamVersion() != 1 || corrected.contains(e.recordId())) {
                continue; // a void or correction changes its record's row; a corrected record shows as its correction
            }
            String kind = kind(e, roles);
            if (kind == null) {
                continue;
            }
            String status = voided.contains(e.recordId()) ? "VOIDED"
                    : kind.equals("prescription") || kind.equals("requisition") ? (dispensed.contains(e.recordId()) ? "DISPENSED" : "TO_DISPENSE")
                    : kind.equals("exam-request") ? "TO_REGISTER"
                    : kind.equals("registration") ? "WAITING"
                    : "DONE";
            JsonNode p = e.payload();
            JsonNode patient = p.has("patient") ? p.path("patient") : p;
            out.add(new Row(e.recordId(), kind, e.recordedAt(), text(patient, "name"), text(patient, "bed"), text(patient, "inpatientNumber"),
                    text(p, "patientNumber"), e.departmentName() != null ? e.departmentName() : e.departmentCode() == null ? null
                    : reference.department(e.departmentCode()).map(ReferenceData.Department::name).orElse(null),
                    summary(p), status, "Dispensed".equals(e.eventType()) ? uuid(p.path("fills")) : null,
                    "TO_DISPENSE".equals(status) ? fillLines(p) : null));
        }
        if (roles.contains(ClinicalRoles.DOCTOR) && reference != null) { // (no reference: the relay's share alone, unit tests)
            out.addAll(registeredInTheHis(reference.findPatients("", false, 100_000),
                    code -> reference.department(code).map(ReferenceData.Department::name).orElse(null), clock.instant(), zone));
        }
        out.sort(Comparator.comparing(Row::recordedAt).reversed());
        return out;
    }

    /**
     * EP-6.2, EP-6.4: the outpatients the HIS registered with this department today (the snapshot's, as the server's feed
     * read them before the HIS went down), in the doctor's queue beside the ones the relay brings; the row's id is stable
     * for the patient's registration (the person's place in the list stays).
     */
    public static List<Row> registeredInTheHis(List<org.hospital.continuity.kiosk.reference.KnownPatient> known,
                                        java.util.function.Function<String, String> departmentName, Instant now, java.time.ZoneId zone) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, zone);
        List<Row> out = new ArrayList<>();
        for (org.hospital.continuity.kiosk.reference.KnownPatient p : known) {
            var v = p.visit();
            if (p.census() || v == null || v.registeredAt() == null || !java.time.LocalDate.ofInstant(v.registeredAt(), zone).equals(today)) {
                continue;
            }
            String department = v.departmentCode() == null ? null : departmentName.apply(v.departmentCode());
            UUID id = UUID.nameUUIDFromBytes(("his-registration:" + p.patientId() + ":" + v.registeredAt()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.add(new Row(id, "his-registration", v.registeredAt(), p.name(), null, null, p.outpatientNumber(), department,
                    v.doctorName() == null ? "" : v.doctorName(), "WAITING", null, null));
        }
        return out;
    }

    /** Which row a relayed record is for these roles; null when it is not theirs to see. */
    private static String kind(RelayFeed.Entry e, Collection<String> roles) {
        boolean pharmacist = roles.contains(ClinicalRoles.PHARMACIST);
        boolean doctor = roles.contains(ClinicalRoles.DOCTOR);
        boolean nurse = roles.contains(ClinicalRoles.NURSE);
        boolean medtech = roles.contains(ClinicalRoles.MEDTECH);
        return switch (e.eventType()) {
            case "RequisitionIssued" -> pharmacist ? "requisition" : null;
            case "PrescriptionWritten" -> pharmacist ? "prescription" : null;
            case "OrderWritten" -> medtech && isExamRequest(e.payload()) ? "exam-request" : null;
            case "PatientRegistered" -> doctor ? "registration" : null;
            case "Dispensed" -> doctor || nurse ? "dispensed" : null;
            case "ExamsRegistered" -> doctor || nurse ? "exam-done" : null;
            default -> null;
        };
    }

    private static boolean isExamRequest(JsonNode p) {
        String k = p.path("kind").asText("");
        return k.equals("LAB") || k.equals("EXAM");
    }

    private static void fills(JsonNode dispense, Set<UUID> into) {
        UUID f = uuid(dispense.path("fills"));
        UUID w = uuid(dispense.path("fillsAsWritten"));
        if (f != null) {
            into.add(f);
        }
        if (w != null) {
            into.add(w);
        }
    }

    private static UUID uuid(JsonNode n) {
        try {
            return n.isTextual() ? UUID.fromString(n.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** What a dispense of it fills, as the dispense form takes it: one "code quantity" line per drug. */
    static String fillLines(JsonNode p) {
        StringBuilder s = new StringBuilder();
        for (JsonNode l : p.path("lines")) {
            String code = l.has("drugCode") ? l.path("drugCode").asText() : l.path("code").asText();
            s.append(s.length() > 0 ? "\n" : "").append(code).append(' ').append(l.path("quantity").asText());
        }
        return s.toString();
    }

    /** The lines in words: 0.9%氯化钠注射液×4、…; an order's content; an exam register's exams; a registration's fee item. */
    static String summary(JsonNode p) {
        StringBuilder s = new StringBuilder();
        JsonNode lines = p.has("lines") ? p.path("lines") : p.path("exams");
        for (JsonNode l : lines) {
            String name = l.path("drugName").asText(l.path("name").asText(l.path("description").asText("")));
            s.append(s.length() > 0 ? "、" : "").append(name).append(l.has("quantity") ? "×" + l.path("quantity").asText() : "");
        }
        if (s.length() == 0) {
            s.append(p.path("content").asText(p.path("feeItemName").asText("")));
        }
        return s.length() > 80 ? s.substring(0, 80) + "…" : s.toString();
    }
}
