package org.hospital.continuity.kiosk.clinical.app;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.clinical.domain.RecordStatus;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** Clinical records as they stand: each folded from its journal stream, the written form then a void or a correction (HR-9). */
@ApplicationScoped
public class ReadingClinicalRecords {

    private final Journal journal;

    public ReadingClinicalRecords(Journal journal) {
        this.journal = journal;
    }

    /** The record folded from its stream: the written form, then a void or a correction if any (HR-9). */
    public Optional<ClinicalRecord> byId(UUID id) {
        List<Recorded> stream = journal.stream(id);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        Recorded first = stream.get(0);
        JournalEntry e = first.entry();
        Optional<FormType> type = FormType.ofStreamType(e.streamType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        RecordStatus status = RecordStatus.ACTIVE;
        ClinicalRecord.Amendment amendment = null;
        for (Recorded later : stream.subList(1, stream.size())) {
            JournalEntry a = later.entry();
            JsonNode d = CanonicalJson.tree(a.payload());
            if ("ClinicalFormVoided".equals(a.eventType())) {
                status = RecordStatus.VOIDED;
                amendment = new ClinicalRecord.Amendment(RecordStatus.VOIDED, d.path("reason").asText(), null, a.actor(), a.recordedAt(),
                        a.kioskSeq(), text(d, "approvedBy"), text(d, "approvedByName"));
            } else if ("ClinicalFormCorrected".equals(a.eventType())) {
                status = RecordStatus.CORRECTED;
                amendment = new ClinicalRecord.Amendment(RecordStatus.CORRECTED, d.path("reason").asText(),
                        UUID.fromString(d.path("correctedBy").asText()), a.actor(), a.recordedAt(), a.kioskSeq(), text(d, "approvedBy"),
                        text(d, "approvedByName"));
            }
        }
        return Optional.of(new ClinicalRecord(e.streamId(), type.get(), e.eventType(), e.kioskSeq(), e.recordedAt(), first.phase().name(),
                e.actor(), CanonicalJson.tree(e.payload()), status, amendment));
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    /** The record, or the latest correction of it (following the chain of corrections). */
    public ClinicalRecord latest(ClinicalRecord r) {
        ClinicalRecord at = r;
        for (int hops = 0; hops < 100 && at.status() == RecordStatus.CORRECTED && at.amendment() != null; hops++) {
            Optional<ClinicalRecord> next = byId(at.amendment().correctedBy());
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        return at;
    }

    /**
     * This kiosk's clinical records of the given forms, newest first (the list to pick a record to void or correct,
     * or to reprint: people pick by patient, form and time, never by an id).
     */
    public List<ClinicalRecord> recent(List<FormType> types, int limit) {
        List<Journal.StreamStart> starts = new java.util.ArrayList<>();
        for (FormType t : types) {
            starts.addAll(journal.latestStreams(t.streamType(), limit));
        }
        return starts.stream().sorted(java.util.Comparator.comparingLong(Journal.StreamStart::kioskSeq).reversed()).limit(limit)
                .map(s -> byId(s.streamId())).flatMap(Optional::stream).toList();
    }

    /** The version the next entry of a record's stream takes (its void or correction). */
    int nextVersion(UUID id) {
        return journal.stream(id).size() + 1;
    }

    /** HR-1, HR-12: clinical records and the downtime reports are for clinical staff. */
    public void requireReader(StaffSession by) {
        if (!ClinicalRoles.mayRead(by.roles())) {
            throw new KioskRejection(403, "clinical-records-not-for-role", "HR-1", "error.clinical.read", List.of());
        }
    }
}
