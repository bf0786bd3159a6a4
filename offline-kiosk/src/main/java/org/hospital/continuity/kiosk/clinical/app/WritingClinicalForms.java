package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.CaptureDesk;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.clinical.domain.RecordStatus;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.RecordIds;

/**
 * The clinical downtime forms (EP-6.4 doctor, EP-6.5 nurse, EP-6.6 med-tech, EP-6.7 pharmacy) on the
 * reusable capture frame: written only by the form's role (HR-1), checked at the field (422, nothing
 * stored), captured in downtime only, one journal stream per form. Each record keeps the prices and the
 * dictionary version it used.
 */
@ApplicationScoped
public class WritingClinicalForms {

    /**
     * A correction: the record it corrects, why, the version its stream's next entry takes, and the second person who
     * approved it (HR-9), journaled on the old record's stream.
     */
    record Correction(UUID corrects, String reason, int oldStreamNextVersion, StaffSession approvedBy) {
    }

    private final CaptureDesk desk;
    private final DraftingClinicalForms drafts;

    public WritingClinicalForms(CaptureDesk desk, DraftingClinicalForms drafts) {
        this.desk = desk;
        this.drafts = drafts;
    }

    /** EP-6.4 / EP-6.4.3: a prescription; discharge medication beyond known remaining funds needs a reason. */
    public ClinicalRecord prescribe(ClinicalForms.Prescription form, StaffSession by) {
        requireWriter(FormType.PRESCRIPTION, by);
        return record(drafts.draft(form), by, null);
    }

    public ClinicalRecord order(ClinicalForms.Order form, StaffSession by) {
        requireWriter(FormType.ORDER, by);
        return record(drafts.draft(form), by, null);
    }

    /** EP-6.5: per-patient requisition of an inpatient (name, inpatient number, charge, drug, quantity). */
    public ClinicalRecord requisition(ClinicalForms.Requisition form, StaffSession by) {
        requireWriter(FormType.REQUISITION, by);
        return record(drafts.draft(form), by, null);
    }

    public ClinicalRecord chargeExecution(ClinicalForms.ChargeExecution form, StaffSession by) {
        requireWriter(FormType.CHARGE_EXECUTION, by);
        return record(drafts.draft(form), by, null);
    }

    /** EP-6.6: manual exam register; the price is the one the med-tech writes (manual pricing). */
    public ClinicalRecord examRegister(ClinicalForms.ExamRegister form, StaffSession by) {
        requireWriter(FormType.EXAM_REGISTER, by);
        return record(drafts.draft(form), by, null);
    }

    /**
     * EP-6.7: dispensing against a handwritten prescription (outpatient) or a requisition (inpatient)
     * recorded here; only drugs on that record, at most the quantity written, priced from the snapshot.
     */
    public ClinicalRecord dispense(ClinicalForms.Dispense form, StaffSession by) {
        requireWriter(FormType.DISPENSE, by);
        return record(drafts.draft(form), by, null);
    }

    /** HR-1: the form is written only by the roles the plan gives it (403 with a sentence naming the form). */
    public void requireWriter(FormType type, StaffSession by) {
        if (!ClinicalRoles.mayWrite(type.streamType(), by.roles())) {
            Log.infof("clinical form refused for role type=%s account=%s", type.streamType(), by.accountId());
            throw new KioskRejection(403, "form-not-for-role", "HR-1", type.roleRefusal(), List.of());
        }
    }

    /**
     * Journals the drafted form as a new record; with a {@code correction}, the old record's stream gets the
     * entry saying by which record it was corrected, in the same transaction. A new form is written in
     * downtime only; its correction may come after recovery (HR-9).
     */
    ClinicalRecord record(DraftingClinicalForms.Draft draft, StaffSession by, Correction correction) {
        UUID id = RecordIds.next();
        String json = CanonicalJson.of(draft.payload());
        if (correction != null) {
            ObjectNode tree = (ObjectNode) CanonicalJson.tree(json);
            tree.put("corrects", correction.corrects().toString());
            tree.put("correctionReason", correction.reason());
            json = CanonicalJson.of(tree);
        }
        String payload = json;
        String type = draft.type().streamType();
        Journal.CaptureWork<ClinicalRecord> work = c -> {
            JournalEntry entry = c.append(type, id, 1, draft.type().writtenEvent(), 1, payload, by.accountId());
            if (correction != null) {
                DowntimeRecord.ClinicalFormCorrected corrected = new DowntimeRecord.ClinicalFormCorrected(id, correction.reason(),
                        correction.approvedBy().accountId(), correction.approvedBy().displayName());
                c.append(type, correction.corrects(), correction.oldStreamNextVersion(), "ClinicalFormCorrected",
                        Contract.CURRENT.schemaVersion(corrected), CanonicalJson.of(corrected), by.accountId());
                Log.infof("clinical form corrected type=%s record=%s by=%s approved by a second person", type, correction.corrects(), id);
            }
            Log.infof("clinical form recorded type=%s record=%s seq=%d", type, id, entry.kioskSeq());
            return new ClinicalRecord(id, draft.type(), draft.type().writtenEvent(), entry.kioskSeq(), entry.recordedAt(), c.phase().name(),
                    by.accountId(), CanonicalJson.tree(payload), RecordStatus.ACTIVE, null);
        };
        return correction == null ? desk.captureInDowntime(List.of(), work) : desk.capture(List.of(), work);
    }
}
