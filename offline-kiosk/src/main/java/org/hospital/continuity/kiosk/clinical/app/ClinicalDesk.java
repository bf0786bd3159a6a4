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
import org.hospital.continuity.sync.envelope.RecordIds;
import org.hospital.continuity.kiosk.capture.app.CaptureDesk;
import org.hospital.continuity.kiosk.capture.domain.FieldRules;
import org.hospital.continuity.kiosk.capture.domain.Violation;
import org.hospital.continuity.kiosk.clinical.domain.AllergyCheck;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
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
    static final List<String> TYPES = List.of(PRESCRIPTION, ORDER, REQUISITION, CHARGE_EXECUTION, EXAM_REGISTER, DISPENSE);

    /** The sentence of each form's refusal for a role that does not write it. */
    private static final Map<String, String> ROLE_REFUSALS = Map.of(
            PRESCRIPTION, "error.clinical.role.prescription", ORDER, "error.clinical.role.clinical-order",
            REQUISITION, "error.clinical.role.requisition", CHARGE_EXECUTION, "error.clinical.role.charge-execution",
            EXAM_REGISTER, "error.clinical.role.exam-register", DISPENSE, "error.clinical.role.dispense");

    public static final String ACTIVE = "ACTIVE";
    public static final String VOIDED = "VOIDED";
    public static final String CORRECTED = "CORRECTED";

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

    /** The patient's allergies as the snapshot knew them when the form was written. */
    public record AllergiesSeen(boolean recorded, List<KnownPatient.Allergy> allergies, List<AllergyCheck.Match> warnings,
                                String overrideReason) {
    }

    public record PrescriptionWritten(Patient patient, String diagnosis, List<PricedDrugLine> lines, long totalFen,
                                      boolean dischargeMedication, Long remainingFundsFen, boolean fundsWarning, String overrideReason,
                                      String dictionaryVersion, AllergiesSeen allergyCheck) {
    }

    public record OrderWritten(Patient patient, String kind, String content, String dischargeMark) {
    }

    /** EP-6.5: issued in duplicate — the ward's back-entry copy and the pharmacy's dispensing voucher. */
    public record RequisitionIssued(Patient patient, List<PricedLine> lines, long totalFen, List<String> copies, String dictionaryVersion,
                                    AllergiesSeen allergyCheck) {
    }

    public record ChargesExecuted(Patient patient, List<PricedLine> lines, long totalFen, String note, String dictionaryVersion) {
    }

    public record ExamsRegistered(Patient patient, String stubNumber, List<ExamDone> exams, long totalFen) {
    }

    /**
     * EP-6.7: {@code fills} is the record filled; {@code fillsAsWritten} the id the pharmacist typed
     * when that record has since been corrected (the dispense then fills the correction).
     */
    public record Dispensed(UUID fills, String fillsType, Patient patient, List<PricedLine> lines, long totalFen, String dictionaryVersion,
                            UUID fillsAsWritten) {
    }

    /** HR-9: a record voided with a reason (a new journal entry on the record's stream). */
    public record FormVoided(UUID voids, String reason) {
    }

    /** HR-9: a record superseded by its correction, a new record that refers back to it. */
    public record FormCorrected(UUID correctedBy, String reason) {
    }

    /** What happened to a record after it was written: voided or corrected, by whom, when, why. */
    public record Amendment(String kind, String reason, UUID correctedBy, String actor, Instant at, long kioskSeq) {
    }

    /**
     * A clinical record as the desk shows and prints it. {@code status} is ACTIVE, VOIDED or CORRECTED
     * (then {@code amendment} says by which record); a correction's details carry {@code corrects}
     * and {@code correctionReason}.
     */
    public record Record(UUID id, String type, String eventType, long kioskSeq, Instant recordedAt, String phase, String actor,
                         JsonNode details, String status, Amendment amendment) {
    }

    /** A form ready to be recorded: its stream type, event type and payload. */
    private record Draft(String type, String event, Object payload) {
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
        requireWriter(PRESCRIPTION, by);
        return record(draft(form), by, null);
    }

    private Draft draft(ClinicalForms.Prescription form) {
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
        List<CatalogueItem> drugs = form.lines().stream().map(l -> item(l.drugCode()).orElseThrow()).toList();
        AllergiesSeen allergies = allergyCheck(known, drugs, "drugCode", form.allergyOverrideReason());
        PrescriptionWritten payload = new PrescriptionWritten(patient(known, form.patientName()), form.diagnosis().trim(), lines, total,
                form.dischargeMedication(), remaining, funds.shortOfFunds(), funds.shortOfFunds() ? form.overrideReason().trim() : null,
                dictionaryVersion(), allergies);
        return new Draft(PRESCRIPTION, "PrescriptionWritten", payload);
    }

    public Record order(ClinicalForms.Order form, StaffSession by) {
        requireWriter(ORDER, by);
        return record(draft(form), by, null);
    }

    private Draft draft(ClinicalForms.Order form) {
        List<Violation> v = new ArrayList<>();
        Optional<KnownPatient> known = known(form.knownPatientId());
        ClinicalForms.patient(v, form.knownPatientId(), form.patientName(), known.isPresent());
        v.addAll(ClinicalForms.check(form));
        desk.refuseIfInvalid(v);
        String mark = "ORDER".equals(form.kind()) ? null : form.dischargeMark();
        return new Draft(ORDER, "OrderWritten", new OrderWritten(patient(known, form.patientName()), form.kind(), form.content().trim(), mark));
    }

    /** EP-6.5: per-patient requisition of an inpatient (name, inpatient number, charge, drug, quantity). */
    public Record requisition(ClinicalForms.Requisition form, StaffSession by) {
        requireWriter(REQUISITION, by);
        return record(draft(form), by, null);
    }

    private Draft draft(ClinicalForms.Requisition form) {
        List<Violation> v = new ArrayList<>(ClinicalForms.check(form.lines(), this::item, true));
        FieldRules.freeText(v, "allergyOverrideReason", form.allergyOverrideReason(), 4, 200, false);
        KnownPatient p = inpatient(form.knownPatientId(), v);
        Priced priced = price(form.lines());
        AllergiesSeen allergies = allergyCheck(Optional.of(p), form.lines().stream().map(l -> item(l.code()).orElseThrow()).toList(), "code",
                form.allergyOverrideReason());
        return new Draft(REQUISITION, "RequisitionIssued", new RequisitionIssued(patient(Optional.of(p), null), priced.lines, priced.total,
                List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), dictionaryVersion(), allergies));
    }

    public Record chargeExecution(ClinicalForms.ChargeExecution form, StaffSession by) {
        requireWriter(CHARGE_EXECUTION, by);
        return record(draft(form), by, null);
    }

    private Draft draft(ClinicalForms.ChargeExecution form) {
        List<Violation> v = ClinicalForms.check(form.lines(), this::item, false);
        FieldRules.freeText(v, "note", form.note(), 2, 200, false);
        KnownPatient p = inpatient(form.knownPatientId(), v);
        Priced priced = price(form.lines());
        return new Draft(CHARGE_EXECUTION, "ChargesExecuted", new ChargesExecuted(patient(Optional.of(p), null), priced.lines, priced.total,
                FieldRules.blank(form.note()) ? null : form.note().trim(), dictionaryVersion()));
    }

    /** EP-6.6: manual exam register; the price is the one the med-tech writes (manual pricing). */
    public Record examRegister(ClinicalForms.ExamRegister form, StaffSession by) {
        requireWriter(EXAM_REGISTER, by);
        return record(draft(form), by, null);
    }

    private Draft draft(ClinicalForms.ExamRegister form) {
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
        return new Draft(EXAM_REGISTER, "ExamsRegistered", new ExamsRegistered(patient(known, form.patientName()), form.stubNumber().trim(),
                exams, total));
    }

    /**
     * EP-6.7: dispensing against a handwritten prescription (outpatient) or a requisition (inpatient)
     * recorded here; only drugs on that record, at most the quantity written, priced from the snapshot.
     */
    public Record dispense(ClinicalForms.Dispense form, StaffSession by) {
        requireWriter(DISPENSE, by);
        return record(draft(form), by, null);
    }

    private Draft draft(ClinicalForms.Dispense form) {
        List<Violation> v = ClinicalForms.check(form.lines(), this::item, true);
        Optional<Record> typed = parseId(form.fillsRecordId()).flatMap(this::byId)
                .filter(r -> PRESCRIPTION.equals(r.type()) || REQUISITION.equals(r.type()));
        // HR-9: a corrected prescription or requisition is filled through its latest correction
        Optional<Record> filled = typed.map(this::latest);
        if (filled.isEmpty()) {
            v.add(new Violation("fillsRecordId", "error.fills.unknown"));
        } else if (VOIDED.equals(filled.get().status())) {
            v.add(new Violation("fillsRecordId", "error.fills.voided"));
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
        UUID asWritten = typed.get().id().equals(f.id()) ? null : typed.get().id();
        return new Draft(DISPENSE, "Dispensed", new Dispensed(f.id(), f.type(), patient, priced.lines, priced.total, dictionaryVersion(),
                asWritten));
    }

    /** The record folded from its stream: the written form, then a void or a correction if any (HR-9). */
    public Optional<Record> byId(UUID id) {
        List<Recorded> stream = journal.stream(id);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        Recorded first = stream.get(0);
        JournalEntry e = first.entry();
        if (!TYPES.contains(e.streamType())) {
            return Optional.empty();
        }
        String status = ACTIVE;
        Amendment amendment = null;
        for (Recorded later : stream.subList(1, stream.size())) {
            JournalEntry a = later.entry();
            JsonNode d = CanonicalJson.tree(a.payload());
            if ("ClinicalFormVoided".equals(a.eventType())) {
                status = VOIDED;
                amendment = new Amendment(VOIDED, d.path("reason").asText(), null, a.actor(), a.recordedAt(), a.kioskSeq());
            } else if ("ClinicalFormCorrected".equals(a.eventType())) {
                status = CORRECTED;
                amendment = new Amendment(CORRECTED, d.path("reason").asText(), UUID.fromString(d.path("correctedBy").asText()), a.actor(),
                        a.recordedAt(), a.kioskSeq());
            }
        }
        return Optional.of(new Record(e.streamId(), e.streamType(), e.eventType(), e.kioskSeq(), e.recordedAt(), first.phase().name(),
                e.actor(), CanonicalJson.tree(e.payload()), status, amendment));
    }

    /** The record, or the latest correction of it (following the chain of corrections). */
    public Record latest(Record r) {
        Record at = r;
        for (int hops = 0; hops < 100 && CORRECTED.equals(at.status()) && at.amendment() != null; hops++) {
            Optional<Record> next = byId(at.amendment().correctedBy());
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        return at;
    }

    /**
     * HR-9: voids a record with a reason — a new journal entry on the record's stream; the record
     * itself is never changed. Only an active record, by a writer of its form type.
     */
    public Record voidRecord(UUID id, String reason, StaffSession by) {
        Record r = amendable(id, by);
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", reason, 4, 200, true);
        int version = journal.stream(id).size() + 1;
        desk.capture(v, c -> {
            JournalEntry entry = c.append(r.type(), id, version, "ClinicalFormVoided", 1, CanonicalJson.of(new FormVoided(id, reason.trim())),
                    by.accountId());
            Log.infof("clinical form voided type=%s record=%s seq=%d", r.type(), id, entry.kioskSeq());
            return entry;
        });
        return byId(id).orElseThrow();
    }

    /**
     * HR-9: corrects a record — the corrected form is a new record (checked like any form, and
     * referring to the old one with the reason), and the old record's stream gets an entry saying by
     * which record it was corrected; both in one transaction. Nothing is updated in place.
     */
    public Record correct(UUID id, String reason, JsonNode form, StaffSession by) {
        Record r = amendable(id, by);
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", reason, 4, 200, true);
        if (form == null || !form.isObject()) {
            v.add(new Violation("form", "error.required"));
        }
        desk.refuseIfInvalid(v);
        Draft draft = switch (r.type()) {
            case PRESCRIPTION -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Prescription.class));
            case ORDER -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Order.class));
            case REQUISITION -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Requisition.class));
            case CHARGE_EXECUTION -> draft(CanonicalJson.read(form.toString(), ClinicalForms.ChargeExecution.class));
            case EXAM_REGISTER -> draft(CanonicalJson.read(form.toString(), ClinicalForms.ExamRegister.class));
            case DISPENSE -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Dispense.class));
            default -> throw new IllegalStateException("not a clinical form: " + r.type());
        };
        return record(draft, by, new Correction(id, reason.trim(), journal.stream(id).size() + 1));
    }

    private record Correction(UUID corrects, String reason, int oldStreamNextVersion) {
    }

    private Record amendable(UUID id, StaffSession by) {
        Record r = byId(id).orElseThrow(() -> new KioskRejection(404, "record-not-found", null, "error.record.unknown", List.of()));
        requireWriter(r.type(), by);
        if (!ACTIVE.equals(r.status())) {
            throw KioskRejection.conflict("record-already-amended", "HR-9", "error.record.amended");
        }
        return r;
    }

    /** HR-1: the form is written only by the roles the plan gives it (403 with a sentence naming the form). */
    public void requireWriter(String type, StaffSession by) {
        if (!ClinicalRoles.mayWrite(type, by.roles())) {
            Log.infof("clinical form refused for role type=%s account=%s", type, by.accountId());
            throw new KioskRejection(403, "form-not-for-role", "HR-1", ROLE_REFUSALS.getOrDefault(type, "error.forbidden"), List.of());
        }
    }

    /** HR-1, HR-12: clinical records and the downtime reports are for clinical staff. */
    public void requireReader(StaffSession by) {
        if (!ClinicalRoles.mayRead(by.roles())) {
            throw new KioskRejection(403, "clinical-records-not-for-role", "HR-1", "error.clinical.read", List.of());
        }
    }

    private Record record(Draft draft, StaffSession by, Correction correction) {
        UUID id = RecordIds.next();
        String json = CanonicalJson.of(draft.payload());
        if (correction != null) {
            com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) CanonicalJson.tree(json);
            tree.put("corrects", correction.corrects().toString());
            tree.put("correctionReason", correction.reason());
            json = CanonicalJson.of(tree);
        }
        String payload = json;
        Journal.CaptureWork<Record> work = c -> {
            JournalEntry entry = c.append(draft.type(), id, 1, draft.event(), 1, payload, by.accountId());
            if (correction != null) {
                c.append(draft.type(), correction.corrects(), correction.oldStreamNextVersion(), "ClinicalFormCorrected", 1,
                        CanonicalJson.of(new FormCorrected(id, correction.reason())), by.accountId());
                Log.infof("clinical form corrected type=%s record=%s by=%s", draft.type(), correction.corrects(), id);
            }
            Log.infof("clinical form recorded type=%s record=%s seq=%d", draft.type(), id, entry.kioskSeq());
            return new Record(id, draft.type(), draft.event(), entry.kioskSeq(), entry.recordedAt(), c.phase().name(), by.accountId(),
                    CanonicalJson.tree(payload), ACTIVE, null);
        };
        // a new form is written in downtime only; its correction may come after recovery (HR-9)
        return correction == null ? desk.captureInDowntime(List.of(), work) : desk.capture(List.of(), work);
    }

    /**
     * The drugs against the patient's recorded allergies. A match needs a recorded reason to
     * go on (422 at the line and at {@code allergyOverrideReason} without one); the allergies seen,
     * the warnings and the reason are kept with the form.
     */
    private AllergiesSeen allergyCheck(Optional<KnownPatient> known, List<CatalogueItem> drugs, String codeField, String overrideReason) {
        List<KnownPatient.Allergy> allergies = known.map(KnownPatient::allergies).orElse(List.of());
        List<AllergyCheck.Match> warnings = new ArrayList<>();
        for (int i = 0; i < drugs.size(); i++) {
            warnings.addAll(AllergyCheck.matches(i, drugs.get(i), allergies));
        }
        if (!warnings.isEmpty() && FieldRules.blank(overrideReason)) {
            List<Violation> v = new ArrayList<>();
            warnings.stream().map(AllergyCheck.Match::line).distinct()
                    .forEach(i -> v.add(new Violation("lines[" + i + "]." + codeField, "error.allergy.match")));
            v.add(new Violation("allergyOverrideReason", "error.allergy.override"));
            desk.refuseIfInvalid(v);
        }
        return new AllergiesSeen(known.map(KnownPatient::allergiesRecorded).orElse(false), allergies, warnings,
                warnings.isEmpty() ? null : overrideReason.trim());
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
