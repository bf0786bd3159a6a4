package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.CaptureDesk;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.RecordStatus;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * HR-9: a clinical record is never changed in place. Voiding it appends an entry with the reason to its
 * stream; correcting it writes the corrected form as a new record that refers back, and appends to the old
 * stream by which record it was corrected — both in one transaction. Only an active record, only by a
 * writer of its form type (HR-1), in any phase, and only with a second person's approval (HR-9: changes approved):
 * a supervisor of the form's discipline, other than the writer, confirms with their own password.
 */
@ApplicationScoped
public class AmendingClinicalRecords {

    private final CaptureDesk desk;
    private final ReadingClinicalRecords records;
    private final WritingClinicalForms writing;
    private final DraftingClinicalForms drafts;
    private final Sessions sessions;

    public AmendingClinicalRecords(CaptureDesk desk, ReadingClinicalRecords records, WritingClinicalForms writing,
                                   DraftingClinicalForms drafts, Sessions sessions) {
        this.desk = desk;
        this.records = records;
        this.writing = writing;
        this.drafts = drafts;
        this.sessions = sessions;
    }

    /**
     * Voids a record with a reason: a new journal entry on the record's stream. HR-9 (changes approved): a second person,
     * a supervisor of the form's discipline, approves it here with their own password; both are journaled (the one who
     * voids as the entry's actor, the approver in it).
     */
    public ClinicalRecord voidRecord(UUID id, String reason, String approverAccountId, String approverPassword, StaffSession by) {
        ClinicalRecord r = amendable(id, by);
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", reason, 4, 200, true);
        approverGiven(v, approverAccountId, approverPassword, by);
        StaffSession approver = v.isEmpty() ? approver(v, r, approverAccountId, approverPassword) : null;
        int version = records.nextVersion(id);
        String type = r.type().streamType();
        desk.capture(v, c -> {
            DowntimeRecord.ClinicalFormVoided voided = new DowntimeRecord.ClinicalFormVoided(id, reason.trim(), approver.accountId(),
                    approver.displayName());
            JournalEntry entry = c.append(type, id, version, "ClinicalFormVoided", Contract.CURRENT.schemaVersion(voided),
                    CanonicalJson.of(voided), by.accountId());
            Log.infof("clinical form voided type=%s record=%s seq=%d approved by a second person", type, id, entry.kioskSeq());
            return entry;
        });
        return records.byId(id).orElseThrow();
    }

    /**
     * Corrects a record: the corrected form is a new record (checked like any form, and referring to the old
     * one with the reason), and the old record's stream gets an entry saying by which record it was corrected and who
     * approved the correction (HR-9: a supervisor of the form's discipline, with their own password).
     */
    public ClinicalRecord correct(UUID id, String reason, JsonNode form, String approverAccountId, String approverPassword,
                                  StaffSession by) {
        ClinicalRecord r = amendable(id, by);
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", reason, 4, 200, true);
        if (form == null || !form.isObject()) {
            v.add(new Violation("form", "error.required"));
        }
        approverGiven(v, approverAccountId, approverPassword, by);
        desk.refuseIfInvalid(v);
        DraftingClinicalForms.Draft draft = drafts.draft(r.type(), form);
        // the approver's password is checked once the corrected form holds (a refused form costs them no attempt)
        StaffSession approver = approver(v, r, approverAccountId, approverPassword);
        desk.refuseIfInvalid(v);
        return writing.record(draft, by, new WritingClinicalForms.Correction(id, reason.trim(), records.nextVersion(id), approver));
    }

    /** HR-9: the approver is named, with a password, and is not the person who makes the change. */
    private static void approverGiven(List<Violation> v, String approverAccountId, String approverPassword, StaffSession by) {
        String approverId = approverAccountId == null ? "" : approverAccountId.trim();
        if (approverId.isEmpty()) {
            v.add(new Violation("approverAccountId", "error.required"));
        } else if (approverId.equalsIgnoreCase(by.accountId())) {
            v.add(new Violation("approverAccountId", "error.amend.second-person"));
        }
        if (approverPassword == null || approverPassword.isEmpty()) {
            v.add(new Violation("approverPassword", "error.required"));
        }
    }

    /**
     * The approver confirmed with their password (offline, against the same verifiers and lockout as a sign-in, audited)
     * and qualified: a supervisor who writes this kind of form (a chief doctor for a doctor's form, a head nurse for a
     * nurse's). Null, with the violation added, otherwise.
     */
    private StaffSession approver(List<Violation> v, ClinicalRecord r, String approverAccountId, String approverPassword) {
        StaffSession approver;
        try {
            approver = sessions.confirm(approverAccountId.trim(), approverPassword.toCharArray());
        } catch (KioskRejection refused) {
            v.add(new Violation("approverPassword", "account-locked".equals(refused.slug()) ? "error.login.locked" : "error.login.failed"));
            return null;
        }
        if (!approver.roles().contains(StaffSession.SUPERVISOR) || !ClinicalRoles.mayWrite(r.type().streamType(), approver.roles())) {
            v.add(new Violation("approverAccountId", "error.amend.approver-role"));
            return null;
        }
        return approver;
    }

    private ClinicalRecord amendable(UUID id, StaffSession by) {
        ClinicalRecord r = records.byId(id).orElseThrow(() -> new KioskRejection(404, "record-not-found", null, "error.record.unknown",
                List.of()));
        writing.requireWriter(r.type(), by);
        if (r.status() != RecordStatus.ACTIVE) {
            throw KioskRejection.conflict("record-already-amended", "HR-9", "error.record.amended");
        }
        return r;
    }
}
