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
 * writer of its form type (HR-1), in any phase.
 */
@ApplicationScoped
public class AmendingClinicalRecords {

    private final CaptureDesk desk;
    private final ReadingClinicalRecords records;
    private final WritingClinicalForms writing;
    private final DraftingClinicalForms drafts;

    public AmendingClinicalRecords(CaptureDesk desk, ReadingClinicalRecords records, WritingClinicalForms writing,
                                   DraftingClinicalForms drafts) {
        this.desk = desk;
        this.records = records;
        this.writing = writing;
        this.drafts = drafts;
    }

    /** Voids a record with a reason: a new journal entry on the record's stream. */
    public ClinicalRecord voidRecord(UUID id, String reason, StaffSession by) {
        ClinicalRecord r = amendable(id, by);
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", reason, 4, 200, true);
        int version = records.nextVersion(id);
        String type = r.type().streamType();
        desk.capture(v, c -> {
            JournalEntry entry = c.append(type, id, version, "ClinicalFormVoided", 1,
                    CanonicalJson.of(new DowntimeRecord.ClinicalFormVoided(id, reason.trim())), by.accountId());
            Log.infof("clinical form voided type=%s record=%s seq=%d", type, id, entry.kioskSeq());
            return entry;
        });
        return records.byId(id).orElseThrow();
    }

    /**
     * Corrects a record: the corrected form is a new record (checked like any form, and referring to the old
     * one with the reason), and the old record's stream gets an entry saying by which record it was corrected.
     */
    public ClinicalRecord correct(UUID id, String reason, JsonNode form, StaffSession by) {
        ClinicalRecord r = amendable(id, by);
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", reason, 4, 200, true);
        if (form == null || !form.isObject()) {
            v.add(new Violation("form", "error.required"));
        }
        desk.refuseIfInvalid(v);
        DraftingClinicalForms.Draft draft = drafts.draft(r.type(), form);
        return writing.record(draft, by, new WritingClinicalForms.Correction(id, reason.trim(), records.nextVersion(id)));
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
