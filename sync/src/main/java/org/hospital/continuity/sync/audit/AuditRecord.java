package org.hospital.continuity.sync.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.RecordIds;

/**
 * One audit entry (HR-8): who did what, when, from where, on which record, with what outcome. The same
 * shape on the server and on every kiosk; kiosk entries travel to the server unchanged.
 *
 * @param seq        position in its chain, 1, 2, 3 … without gaps
 * @param id         permanent id of the entry
 * @param at         when, to the microsecond (what PostgreSQL keeps)
 * @param actor      account id, kiosk id, or {@code anonymous}
 * @param actorKind  STAFF, KIOSK, ANONYMOUS or SYSTEM
 * @param action     what was done: a name (LOGIN, LOGIN_FAILED …) or the route ({@code POST /api/…/{id}/void})
 * @param category   LOGIN, PERMISSION_CHANGE, PATIENT_DATA_READ, CORRECTION, VOID, MERGE, CLASS_CHANGE,
 *                   ACKNOWLEDGEMENT, CHANGE …
 * @param outcome    SUCCESS or the refusal (e.g. {@code 403})
 * @param source     where the request came from (remote address), or empty
 * @param recordType the kind of record touched, or empty
 * @param recordId   the record's id(s), or empty; never a patient name, ID number or phone (HR-12)
 * @param detail     a short note, never patient data
 * @param prevHash   the hash of the previous entry of the chain ({@link AuditChain#GENESIS} for the first)
 * @param hash       SHA-256 over prevHash and every field above
 */
public record AuditRecord(long seq, UUID id, Instant at, String actor, String actorKind, String action, String category,
                          String outcome, String source, String recordType, String recordId, String detail,
                          String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
        actor = nz(actor);
        actorKind = nz(actorKind);
        action = nz(action);
        category = nz(category);
        outcome = nz(outcome);
        source = nz(source);
        recordType = nz(recordType);
        recordId = nz(recordId);
        detail = nz(detail);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** This entry chained after {@code prevHash} at position {@code seq}. */
    public AuditRecord chainedAfter(long seq, String prevHash, String... extra) {
        AuditRecord unhashed = new AuditRecord(seq, id, at, actor, actorKind, action, category, outcome, source, recordType,
                recordId, detail, prevHash, null);
        return new AuditRecord(seq, id, at, actor, actorKind, action, category, outcome, source, recordType, recordId, detail,
                prevHash, AuditChain.hash(unhashed, extra));
    }

    /** A new, not yet chained entry. */
    public static AuditRecord of(Instant at, String actor, String actorKind, String action, String category, String outcome,
                                 String source, String recordType, String recordId, String detail) {
        return new AuditRecord(0, RecordIds.next(), at, actor, actorKind, action, category, outcome, source, recordType,
                recordId, detail, null, null);
    }
}
