package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.app.CaptureDesk;
import org.hospital.continuity.kiosk.capture.domain.FieldRules;
import org.hospital.continuity.kiosk.capture.domain.Violation;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.kiosk.journal.app.CanonicalJson;
import org.hospital.continuity.kiosk.journal.app.Journal;
import org.hospital.continuity.kiosk.journal.app.Recorded;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.CatalogueItem;
import org.hospital.continuity.kiosk.reference.domain.KnownPatient;
import org.hospital.continuity.kiosk.reference.domain.SnapshotInfo;
import org.hospital.continuity.kiosk.session.domain.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The clinical downtime forms (EP-6.4 doctor, EP-6.5 nurse, EP-6.6 med-tech, EP-6.7 pharmacy) on the
 * reusable capture frame: checked at the field (422, nothing stored), captured in downtime only, one
 * journal stream per form. Each record keeps the prices and the dictionary version it used.
 */
@ApplicationScoped
public class ClinicalDesk {

    public static final String PRESCRIPTION = "prescription";
    public static final String ORDER = "clinical-order";
    public static final String REQUISITION = "requisition";
    public static final String CHARGE_EXECUTION = "charge-execution";
    public static final String EXAM_REGISTER = "exam-register";
    public static final String DISPENSE = "dispense";

    /** The patient as written on the form (from the snapshot when known). */
    public record Patient(String knownPatientId, String name, String inpatientNumber, String outpatientNumber, String ward, String bed) {
    }

    public record PricedDrugLine(String drugCode, String drugName, String specification, String unit, BigDecimal dose, String doseUnit,
                                 String route, String frequency, int quantity, int days, long unitPriceFen, long amountFen) {
    }

    public record PricedLine(String code, String name, String specification, String unit, int quantity, long unitPriceFen, long amountFen) {
    }

    public record ExamDone(String itemCode, String description, long priceFen) {
    }

    public record PrescriptionWritten(Patient patient, String diagnosis, List<PricedDrugLine> lines, long totalFen,
                                      boolean dischargeMedication, Long remainingFundsFen, boolean fundsWarning, String overrideReason,
                                      String dictionaryVersion) {
    }

    public record OrderWritten(Patient patient, String kind, String content, String dischargeMark) {
    }

    /** EP-6.5: issued in duplicate — the ward's back-entry copy and the pharmacy's dispensing voucher. */
    public record RequisitionIssued(Patient patient, List<PricedLine> lines, long totalFen, List<String> copies, String dictionaryVersion) {
    }

    public record ChargesExecuted(Patient patient, List<PricedLine> lines, long totalFen, String note, String dictionaryVersion) {
    }

    public record ExamsRegistered(Patient patient, String stubNumber, List<ExamDone> exams, long totalFen) {
    }

    public record Dispensed(UUID fills, String fillsType, Patient patient, List<PricedLine> lines, long totalFen, String dictionaryVersion) {
    }

    /** A clinical record as the desk shows and prints it. */
    public record Record(UUID id, String type, String eventType, long kioskSeq, Instant recordedAt, String phase, String actor,
                         JsonNode details) {
    }

    private final CaptureDesk desk;
    private final ReferenceData reference;
    private final Journal journal;

    public ClinicalDesk(CaptureDesk desk, ReferenceData reference, Journal journal) {
        this.desk = desk;
        this.reference = reference;
        this.journal = journal;
    }

    /** EP-6.4 / EP-6.4.3: a prescription; discharge medication beyond known remaining funds needs a reason. */
    public Record prescribe(ClinicalForms.Prescription form, StaffSession by) {
        List<Violation> v = new ArrayList<>();
        Optional<KnownPatient> known = known(form.knownPatientId());
        ClinicalForms.patient(v, form.knownPatientId(), form.patientName(), known.isPresent());
        v.addAll(ClinicalForms.check(form, this::item));
        desk.refuseIfInvalid(v);
        List<PricedDrugLine> lines = new ArrayList<>();
        long total = 0;
        for (ClinicalForms.DrugLine l : form.lines()) {
            CatalogueItem d = item(l.drugCode()).orElseThrow();
            long amount = d.priceFen() * l.quantity();
            total += amount;
            lines.add(new PricedDrugLine(d.code(), d.name(), d.specification(), d.unit(), l.dose(), l.doseUnit().trim(), l.route(),
                    l.frequency(), l.quantity(), l.days(), d.priceFen(), amount));
        }
        Long remaining = form.dischargeMedication() ? known.filter(KnownPatient::census).map(KnownPatient::depositFen).orElse(null) : null;
        ClinicalForms.FundsCheck funds = ClinicalForms.FundsCheck.of(remaining, total);
        if (funds.shortOfFunds() && FieldRules.blank(form.overrideReason())) {
            // EP-6.4.3: warn; going on needs a reason, which is recorded with the prescription
            desk.refuseIfInvalid(List.of(new Violation("overrideReason", "error.funds.short")));
        }
        PrescriptionWritten payload = new PrescriptionWritten(patient(known, form.patientName()), form.diagnosis().trim(), lines, total,
                form.dischargeMedication(), remaining, funds.shortOfFunds(), funds.shortOfFunds() ? form.overrideReason().trim() : null,
                dictionaryVersion());
        return record(PRESCRIPTION, "PrescriptionWritten", payload, by);
    }

    public Record order(ClinicalForms.Order form, StaffSession by) {
        List<Violation> v = new ArrayList<>();
        Optional<KnownPatient> known = known(form.knownPatientId());
        ClinicalForms.patient(v, form.knownPatientId(), form.patientName(), known.isPresent());
        v.addAll(ClinicalForms.check(form));
        desk.refuseIfInvalid(v);
        String mark = "ORDER".equals(form.kind()) ? null : form.dischargeMark();
        return record(ORDER, "OrderWritten", new OrderWritten(patient(known, form.patientName()), form.kind(), form.content().trim(), mark), by);
    }

    /** EP-6.5: per-patient requisition of an inpatient (name, inpatient number, charge, drug, quantity). */
    public Record requisition(ClinicalForms.Requisition form, StaffSession by) {
        KnownPatient p = inpatient(form.knownPatientId(), ClinicalForms.check(form.lines(), this::item, true));
        Priced priced = price(form.lines());
        return record(REQUISITION, "RequisitionIssued", new RequisitionIssued(patient(Optional.of(p), null), priced.lines, priced.total,
                List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), dictionaryVersion()), by);
    }

    public Record chargeExecution(ClinicalForms.ChargeExecution form, StaffSession by) {
        List<Violation> v = ClinicalForms.check(form.lines(), this::item, false);
        FieldRules.freeText(v, "note", form.note(), 2, 200, false);
        KnownPatient p = inpatient(form.knownPatientId(), v);
        Priced priced = price(form.lines());
        return record(CHARGE_EXECUTION, "ChargesExecuted", new ChargesExecuted(patient(Optional.of(p), null), priced.lines, priced.total,
                FieldRules.blank(form.note()) ? null : form.note().trim(), dictionaryVersion()), by);
    }

    /** EP-6.6: manual exam register; the price is the one the med-tech writes (manual pricing). */
    public Record examRegister(ClinicalForms.ExamRegister form, StaffSession by) {
        List<Violation> v = new ArrayList<>();
        Optional<KnownPatient> known = known(form.knownPatientId());
        ClinicalForms.patient(v, form.knownPatientId(), form.patientName(), known.isPresent());
        v.addAll(ClinicalForms.check(form, this::item));
        desk.refuseIfInvalid(v);
        List<ExamDone> exams = new ArrayList<>();
        long total = 0;
        for (ClinicalForms.ExamLine e : form.exams()) {
            String description = FieldRules.blank(e.itemCode()) ? e.description().trim()
                    : item(e.itemCode()).map(CatalogueItem::name).orElseThrow();
            exams.add(new ExamDone(FieldRules.blank(e.itemCode()) ? null : e.itemCode().trim(), description, e.priceFen()));
            total += e.priceFen();
        }
        return record(EXAM_REGISTER, "ExamsRegistered", new ExamsRegistered(patient(known, form.patientName()), form.stubNumber().trim(),
                exams, total), by);
    }

    /**
     * EP-6.7: dispensing against a handwritten prescription (outpatient) or a requisition (inpatient)
     * recorded here; only drugs on that record, at most the quantity written, priced from the snapshot.
     */
    public Record dispense(ClinicalForms.Dispense form, StaffSession by) {
        List<Violation> v = ClinicalForms.check(form.lines(), this::item, true);
        Optional<Record> filled = parseId(form.fillsRecordId()).flatMap(this::byId)
                .filter(r -> PRESCRIPTION.equals(r.type()) || REQUISITION.equals(r.type()));
        if (filled.isEmpty()) {
            v.add(new Violation("fillsRecordId", "error.fills.unknown"));
        } else if (form.lines() != null) {
            Map<String, Integer> written = new HashMap<>();
            for (JsonNode l : filled.get().details().path("lines")) {
                String code = l.has("drugCode") ? l.path("drugCode").asText() : l.path("code").asText();
                written.merge(code, l.path("quantity").asInt(), Integer::sum);
            }
            for (int i = 0; i < form.lines().size(); i++) {
                ClinicalForms.QuantityLine l = form.lines().get(i);
                if (l == null || l.code() == null || l.quantity() == null) {
                    continue;
                }
                Integer max = written.get(l.code().trim());
                if (max == null) {
                    v.add(new Violation("lines[" + i + "].code", "error.fills.not-written"));
                } else if (l.quantity() > max) {
                    v.add(new Violation("lines[" + i + "].quantity", "error.fills.quantity"));
                }
            }
        }
        desk.refuseIfInvalid(v);
        Record f = filled.orElseThrow();
        Patient patient = CanonicalJson.read(f.details().path("patient").toString(), Patient.class);
        Priced priced = price(form.lines());
        return record(DISPENSE, "Dispensed", new Dispensed(f.id(), f.type(), patient, priced.lines, priced.total, dictionaryVersion()), by);
    }

    public Optional<Record> byId(UUID id) {
        List<Recorded> stream = journal.stream(id);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        Recorded first = stream.get(0);
        JournalEntry e = first.entry();
        if (!List.of(PRESCRIPTION, ORDER, REQUISITION, CHARGE_EXECUTION, EXAM_REGISTER, DISPENSE).contains(e.streamType())) {
            return Optional.empty();
        }
        return Optional.of(new Record(e.streamId(), e.streamType(), e.eventType(), e.kioskSeq(), e.recordedAt(), first.phase().name(),
                e.actor(), CanonicalJson.tree(e.payload())));
    }

    private Record record(String type, String event, Object payload, StaffSession by) {
        UUID id = UUID.randomUUID();
        String json = CanonicalJson.of(payload);
        return desk.captureInDowntime(List.of(), c -> {
            JournalEntry entry = c.append(type, id, 1, event, 1, json, by.accountId());
            Log.infof("clinical form recorded type=%s record=%s seq=%d", type, id, entry.kioskSeq());
            return new Record(id, type, event, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), by.accountId(), CanonicalJson.tree(json));
        });
    }

    private KnownPatient inpatient(String knownPatientId, List<Violation> violations) {
        List<Violation> v = new ArrayList<>(violations);
        Optional<KnownPatient> p = known(knownPatientId).filter(KnownPatient::census);
        if (p.isEmpty()) {
            v.add(new Violation("knownPatientId", FieldRules.blank(knownPatientId) ? "error.required" : "error.inpatient.unknown"));
        }
        desk.refuseIfInvalid(v);
        return p.orElseThrow();
    }

    private record Priced(List<PricedLine> lines, long total) {
    }

    private Priced price(List<ClinicalForms.QuantityLine> typed) {
        List<PricedLine> lines = new ArrayList<>();
        long total = 0;
        for (ClinicalForms.QuantityLine l : typed) {
            CatalogueItem i = item(l.code()).orElseThrow();
            long amount = i.priceFen() * l.quantity();
            total += amount;
            lines.add(new PricedLine(i.code(), i.name(), i.specification(), i.unit(), l.quantity(), i.priceFen(), amount));
        }
        return new Priced(lines, total);
    }

    private Optional<CatalogueItem> item(String code) {
        return code == null ? Optional.empty() : reference.catalogue().byCode(code.trim());
    }

    private Optional<KnownPatient> known(String id) {
        return FieldRules.blank(id) ? Optional.empty() : reference.patient(id.trim());
    }

    private static Patient patient(Optional<KnownPatient> known, String typedName) {
        return known.map(p -> new Patient(p.patientId(), p.name(), p.inpatientNumber(), p.outpatientNumber(), p.ward(), p.bed()))
                .orElseGet(() -> new Patient(null, typedName.trim(), null, null, null, null));
    }

    private String dictionaryVersion() {
        return reference.info().map(SnapshotInfo::version).orElse(null);
    }

    private static Optional<UUID> parseId(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
