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

    /**
     * The longest text of each field, in characters: what the server takes from a kiosk's upload (longer is
     * refused, which would hold up the kiosk's shipping) and what {@link #of} clips a new entry's texts to.
     */
    public static final int MAX_ACTOR = 200;
    public static final int MAX_ACTOR_KIND = 20;
    public static final int MAX_ACTION = 300;
    public static final int MAX_CATEGORY = 40;
    public static final int MAX_OUTCOME = 20;
    public static final int MAX_SOURCE = 100;
    public static final int MAX_RECORD_TYPE = 100;
    public static final int MAX_RECORD_ID = 300;
    public static final int MAX_DETAIL = 500;

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
        return withChain(seq, prevHash, AuditChain.hash(withChain(seq, prevHash, null), extra));
    }

    /** The same entry at another chain position (e.g. where it stands in its kiosk's own chain). */
    public AuditRecord withChain(long seq, String prevHash, String hash) {
        return new AuditRecord(seq, id, at, actor, actorKind, action, category, outcome, source, recordType, recordId, detail,
                prevHash, hash);
    }

    /**
     * A new, not yet chained entry with a fresh time-ordered id; every text longer than its field's limit
     * ({@link #MAX_ACTION} …) is clipped to the limit, ending in "…".
     */
    public static AuditRecord of(Instant at, String actor, String actorKind, String action, String category, String outcome,
                                 String source, String recordType, String recordId, String detail) {
        return new AuditRecord(0, RecordIds.next(), at, clip(actor, MAX_ACTOR), clip(actorKind, MAX_ACTOR_KIND),
                clip(action, MAX_ACTION), clip(category, MAX_CATEGORY), clip(outcome, MAX_OUTCOME), clip(source, MAX_SOURCE),
                clip(recordType, MAX_RECORD_TYPE), clip(recordId, MAX_RECORD_ID), clip(detail, MAX_DETAIL), null, null);
    }

    /** {@code s} if at most {@code max} characters, else its first {@code max - 1} and "…" (never splitting a surrogate pair). */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int keep = max - 1;
        if (Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return s.substring(0, keep) + "…";
    }
}
