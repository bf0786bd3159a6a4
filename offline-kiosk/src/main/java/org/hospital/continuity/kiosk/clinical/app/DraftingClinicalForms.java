package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.CaptureDesk;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.clinical.domain.AllergyCheck;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.sync.contract.DowntimeRecord.Allergy;
import org.hospital.continuity.sync.contract.DowntimeRecord.AllergiesSeen;
import org.hospital.continuity.sync.contract.DowntimeRecord.AllergyWarning;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargesExecuted;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.Dispensed;
import org.hospital.continuity.sync.contract.DowntimeRecord.DrugLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.ExamDone;
import org.hospital.continuity.sync.contract.DowntimeRecord.ExamsRegistered;
import org.hospital.continuity.sync.contract.DowntimeRecord.OrderWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientOnForm;
import org.hospital.continuity.sync.contract.DowntimeRecord.PrescriptionWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.RequisitionIssued;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.clinical.domain.RecordStatus;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.SnapshotInfo;

/**
 * Turns a form as typed into the payload its record keeps: every field checked (422 at the field, nothing
 * stored), lines priced from the snapshot with its dictionary version, the patient as the snapshot knows
 * them, the allergies seen (EP-6.4–6.7). Nothing is stored here.
 */
@ApplicationScoped
public class DraftingClinicalForms {

    /** A form ready to be recorded: its type and payload. */
    record Draft(FormType type, Object payload) {
    }

    private record Priced(List<ClinicalLine> lines, long total) {
    }

    private final CaptureDesk desk;
    private final ReferenceData reference;
    private final ReadingClinicalRecords records;
    private final RelayedOrders relayed;

    public DraftingClinicalForms(CaptureDesk desk, ReferenceData reference, ReadingClinicalRecords records, RelayedOrders relayed) {
        this.desk = desk;
        this.reference = reference;
        this.records = records;
        this.relayed = relayed;
    }

    /** A correction's form, typed as the fields of {@code type}'s form. */
    Draft draft(FormType type, JsonNode form) {
        return switch (type) {
            case PRESCRIPTION -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Prescription.class));
            case ORDER -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Order.class));
            case REQUISITION -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Requisition.class));
            case CHARGE_EXECUTION -> draft(CanonicalJson.read(form.toString(), ClinicalForms.ChargeExecution.class));
            case EXAM_REGISTER -> draft(CanonicalJson.read(form.toString(), ClinicalForms.ExamRegister.class));
            case DISPENSE -> draft(CanonicalJson.read(form.toString(), ClinicalForms.Dispense.class));
        };
    }

    /** EP-6.4 / EP-6.4.3: discharge medication beyond known remaining funds needs a reason. */
    Draft draft(ClinicalForms.Prescription form) {
        List<Violation> v = new ArrayList<>();
        Optional<KnownPatient> known = known(form.knownPatientId());
        ClinicalForms.patient(v, form.knownPatientId(), form.patientName(), known.isPresent());
        v.addAll(ClinicalForms.check(form, this::item));
        desk.refuseIfInvalid(v);
        List<DrugLine> lines = new ArrayList<>();
        long total = 0;
        for (ClinicalForms.DrugLine l : form.lines()) {
            CatalogueItem d = item(l.drugCode()).orElseThrow();
            long amount = d.priceFen() * l.quantity();
            total += amount;
            lines.add(new DrugLine(d.code(), d.name(), d.specification(), d.unit(), l.dose(), l.doseUnit().trim(), l.route(),
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
        return new Draft(FormType.PRESCRIPTION, new PrescriptionWritten(patient(known, form.patientName()), form.diagnosis().trim(), lines,
                total, form.dischargeMedication(), remaining, funds.shortOfFunds(), funds.shortOfFunds() ? form.overrideReason().trim() : null,
                dictionaryVersion(), allergies, null, null));
    }

    Draft draft(ClinicalForms.Order form) {
        List<Violation> v = new ArrayList<>();
        Optional<KnownPatient> known = known(form.knownPatientId());
        ClinicalForms.patient(v, form.knownPatientId(), form.patientName(), known.isPresent());
        v.addAll(ClinicalForms.check(form));
        desk.refuseIfInvalid(v);
        String mark = "ORDER".equals(form.kind()) ? null : form.dischargeMark();
        return new Draft(FormType.ORDER, new OrderWritten(patient(known, form.patientName()), form.kind(), form.content().trim(), mark, null, null));
    }

    /** EP-6.5: per-patient requisition of an inpatient (name, inpatient number, charge, drug, quantity). */
    Draft draft(ClinicalForms.Requisition form) {
        List<Violation> v = new ArrayList<>(ClinicalForms.check(form.lines(), this::item, true));
        FieldRules.freeText(v, "allergyOverrideReason", form.allergyOverrideReason(), 4, 200, false);
        KnownPatient p = inpatient(form.knownPatientId(), v);
        Priced priced = price(form.lines());
        AllergiesSeen allergies = allergyCheck(Optional.of(p), form.lines().stream().map(l -> item(l.code()).orElseThrow()).toList(), "code",
                form.allergyOverrideReason());
        return new Draft(FormType.REQUISITION, new RequisitionIssued(patient(Optional.of(p), null), priced.lines, priced.total,
                List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), dictionaryVersion(), allergies, null, null));
    }

    Draft draft(ClinicalForms.ChargeExecution form) {
        List<Violation> v = ClinicalForms.check(form.lines(), this::item, false);
        FieldRules.freeText(v, "note", form.note(), 2, 200, false);
        KnownPatient p = inpatient(form.knownPatientId(), v);
        Priced priced = price(form.lines());
        return new Draft(FormType.CHARGE_EXECUTION, new ChargesExecuted(patient(Optional.of(p), null), priced.lines, priced.total,
                FieldRules.blank(form.note()) ? null : form.note().trim(), dictionaryVersion(), null, null));
    }

    /** EP-6.6: manual exam register; the price is the one the med-tech writes (manual pricing). */
    Draft draft(ClinicalForms.ExamRegister form) {
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
        return new Draft(FormType.EXAM_REGISTER, new ExamsRegistered(patient(known, form.patientName()), form.stubNumber().trim(),
                exams, total, null, null));
    }

    /**
     * EP-6.7: dispensing against a handwritten prescription (outpatient) or a requisition (inpatient)
     * recorded here, or on another kiosk once it reached the server; only drugs on that record, at most the quantity
     * written, priced from the snapshot.
     */
    Draft draft(ClinicalForms.Dispense form) {
        List<Violation> v = ClinicalForms.check(form.lines(), this::item, true);
        Optional<UUID> asked = parseId(form.fillsRecordId());
        Optional<ClinicalRecord> typed = asked.flatMap(records::byId)
                .filter(r -> r.type() == FormType.PRESCRIPTION || r.type() == FormType.REQUISITION);
        // HR-9: a corrected prescription or requisition is filled through its latest correction
        Optional<ClinicalRecord> filled = typed.map(records::latest);
        UUID asWritten = typed.isPresent() && !typed.get().id().equals(filled.get().id()) ? typed.get().id() : null;
        if (typed.isEmpty() && asked.isPresent()) {
            // EP-6.7: written on another kiosk; the server relays it once it reached the server
            Optional<RelayedOrders.Relayed> other = relayed.find(asked.get());
            filled = other.map(RelayedOrders.Relayed::record);
            asWritten = other.map(RelayedOrders.Relayed::asWritten).orElse(null);
        }
        if (filled.isEmpty()) {
            v.add(new Violation("fillsRecordId", "error.fills.unknown"));
        } else if (filled.get().status() == RecordStatus.VOIDED) {
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
        ClinicalRecord f = filled.orElseThrow();
        PatientOnForm patient = CanonicalJson.read(f.details().path("patient").toString(), PatientOnForm.class);
        Priced priced = price(form.lines());
        return new Draft(FormType.DISPENSE, new Dispensed(f.id(), f.type().streamType(), patient, priced.lines, priced.total,
                dictionaryVersion(), asWritten, null, null));
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
        return new AllergiesSeen(known.map(KnownPatient::allergiesRecorded).orElse(false),
                allergies.stream().map(a -> new Allergy(a.allergenCode(), a.allergen(), a.reaction(), a.severity())).toList(),
                warnings.stream().map(w -> new AllergyWarning(w.line(), w.drugCode(), w.drugName(), w.allergen(), w.severity())).toList(),
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

    private Priced price(List<ClinicalForms.QuantityLine> typed) {
        List<ClinicalLine> lines = new ArrayList<>();
        long total = 0;
        for (ClinicalForms.QuantityLine l : typed) {
            CatalogueItem i = item(l.code()).orElseThrow();
            long amount = i.priceFen() * l.quantity();
            total += amount;
            lines.add(new ClinicalLine(i.code(), i.name(), i.specification(), i.unit(), l.quantity(), i.priceFen(), amount));
        }
        return new Priced(lines, total);
    }

    private Optional<CatalogueItem> item(String code) {
        return code == null ? Optional.empty() : reference.item(code.trim());
    }

    private Optional<KnownPatient> known(String id) {
        return FieldRules.blank(id) ? Optional.empty() : reference.patient(id.trim());
    }

    private static PatientOnForm patient(Optional<KnownPatient> known, String typedName) {
        return known.map(p -> new PatientOnForm(p.patientId(), p.name(), p.inpatientNumber(), p.outpatientNumber(), p.ward(), p.bed()))
                .orElseGet(() -> new PatientOnForm(null, typedName.trim(), null, null, null, null));
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
