package org.hospital.continuity.sync.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * The receiver's check of a push before anything is stored: a pure function from the batch, the
 * authenticated kiosk and the limits to a {@link Verdict}. Any failure refuses the whole batch
 * (nothing stored), with the HTTP status and the fields at fault, so a broken kiosk is loud.
 */
public final class BatchCheck {

    private BatchCheck() {
    }

    /** What the receiver accepts. */
    public record Limits(int maxEntries, int maxPayloadBytes, int maxSchemaVersion) {
        public static Limits defaults(int maxSchemaVersion) {
            return new Limits(SyncProtocol.MAX_BATCH_ENTRIES, SyncProtocol.MAX_PAYLOAD_BYTES, maxSchemaVersion);
        }
    }

    /** One field at fault, addressed like {@code entries[3].contentHash}. */
    public record Violation(String field, String message) {
    }

    public sealed interface Verdict {
    }

    /**
     * Every entry is well formed, self-consistent and belongs to the pushing kiosk; {@code checked} are
     * the batch's entries as they came (every field present, the hash verified), payloads still as the
     * UTF-8 bytes of the request body.
     */
    public record Valid(List<WireEntry> checked) implements Verdict {

        /** The checked entries as envelopes (makes each payload's Java string: not for the receiver's hot path). */
        public List<JournalEntry> entries() {
            return checked.stream().map(WireEntry::toEnvelope).toList();
        }
    }

    /** Refused; {@code slug} names the problem type, {@code violations} the fields. */
    public record Invalid(int status, String slug, String detail, List<Violation> violations) implements Verdict {
    }

    public static Verdict check(PushBatch batch, String authenticatedKiosk, Limits limits) {
        if (batch == null) {
            return new Invalid(400, "malformed-envelope", "The push has no body.", List.of());
        }
        if (batch.protocol() == null) {
            return new Invalid(400, "malformed-envelope", "The push does not say its protocol version.",
                    List.of(new Violation("protocol", "must be present")));
        }
        if (batch.protocol() > SyncProtocol.MAX_VERSION || batch.protocol() < 1) {
            return new Invalid(400, "unsupported-protocol-version", "This server speaks sync protocol up to "
                    + SyncProtocol.MAX_VERSION + "; the kiosk sent version " + batch.protocol() + ". Update the kiosk or the server.",
                    List.of(new Violation("protocol", "must be 1 to " + SyncProtocol.MAX_VERSION)));
        }
        if (batch.kioskId() == null || !batch.kioskId().equals(authenticatedKiosk)) {
            return new Invalid(403, "kiosk-mismatch", "A kiosk may only push its own journal.",
                    List.of(new Violation("kioskId", "must be the kiosk of the credential")));
        }
        List<WireEntry> entries = batch.entriesOrEmpty();
        List<UnreadableEntry> unreadable = batch.unreadableOrEmpty();
        if (entries.size() + unreadable.size() > limits.maxEntries()) {
            return new Invalid(413, "batch-too-large", "A push may carry at most " + limits.maxEntries()
                    + " entries; this one carried " + (entries.size() + unreadable.size()) + ". Send smaller batches.", List.of());
        }
        List<Violation> violations = new ArrayList<>();
        if (batch.unreadable() != null && batch.protocol() < SyncProtocol.UNREADABLE_VERSION) {
            violations.add(new Violation("unreadable", "is a field of protocol version " + SyncProtocol.UNREADABLE_VERSION));
        }
        if (batch.backlog() == null) {
            violations.add(new Violation("backlog", "must be present"));
        } else {
            if (batch.backlog().lastSeq() > SyncProtocol.MAX_KIOSK_SEQ) {
                violations.add(new Violation("backlog.lastSeq", "must be at most " + SyncProtocol.MAX_KIOSK_SEQ));
            }
            if (batch.backlog().pending() > SyncProtocol.MAX_KIOSK_SEQ) {
                violations.add(new Violation("backlog.pending", "must be at most " + SyncProtocol.MAX_KIOSK_SEQ));
            }
        }
        boolean futureSchema = false;
        boolean hashMismatch = false;
        Set<UUID> ids = new HashSet<>(entries.size() * 2);
        Set<Long> seqs = new HashSet<>(entries.size() * 2);
        List<WireEntry> checked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            WireEntry e = entries.get(i);
            // field names are built only when a field is at fault (a backlog push checks 200,000 entries)
            if (e == null) {
                violations.add(new Violation("entries[" + i + "]", "must be an entry"));
                continue;
            }
            int before = violations.size();
            required(violations, i, "entryId", e.entryId());
            required(violations, i, "kioskId", e.kioskId());
            required(violations, i, "streamType", e.streamType());
            required(violations, i, "streamId", e.streamId());
            required(violations, i, "eventType", e.eventType());
            required(violations, i, "payload", e.payload());
            required(violations, i, "contentHash", e.contentHash());
            required(violations, i, "recordedAt", e.recordedAt());
            required(violations, i, "hlc", e.hlc());
            required(violations, i, "actor", e.actor());
            atLeastOne(violations, i, "kioskSeq", e.kioskSeq());
            atLeastOne(violations, i, "streamVersion", e.streamVersion());
            atMost(violations, i, "kioskSeq", e.kioskSeq(), SyncProtocol.MAX_KIOSK_SEQ);
            atMost(violations, i, "streamVersion", e.streamVersion(), SyncProtocol.MAX_STREAM_VERSION);
            if (e.hlc() != null && e.hlc() < 0) {
                violations.add(new Violation(at(i, "hlc"), "must not be negative"));
            }
            atLeastOne(violations, i, "schemaVersion", e.schemaVersion());
            if (e.kioskId() != null && !e.kioskId().equals(batch.kioskId())) {
                violations.add(new Violation(at(i, "kioskId"), "must be the pushing kiosk"));
            }
            // U+0000: PostgreSQL's text cannot hold it, so such an entry would fail at the insert on every retry
            if (e.payload() != null && e.payload().containsNul()) {
                violations.add(new Violation(at(i, "payload"), "must not contain the character U+0000 (NUL)"));
            }
            noNul(violations, i, "streamType", e.streamType());
            noNul(violations, i, "eventType", e.eventType());
            noNul(violations, i, "actor", e.actor());
            if (e.payload() != null && e.payload().utf8Length() > limits.maxPayloadBytes()) {
                violations.add(new Violation(at(i, "payload"), "must be at most " + limits.maxPayloadBytes() + " bytes"));
            }
            if (e.contentHash() != null && !isSha256Hex(e.contentHash())) {
                violations.add(new Violation(at(i, "contentHash"), "must be 64 lowercase hex digits (SHA-256)"));
            }
            if (e.entryId() != null && !ids.add(e.entryId())) {
                violations.add(new Violation(at(i, "entryId"), "appears twice in this batch"));
            }
            if (e.kioskSeq() != null && !seqs.add(e.kioskSeq())) {
                violations.add(new Violation(at(i, "kioskSeq"), "appears twice in this batch"));
            }
            if (e.schemaVersion() != null && e.schemaVersion() > limits.maxSchemaVersion()) {
                futureSchema = true;
                violations.add(new Violation(at(i, "schemaVersion"), "this server understands up to " + limits.maxSchemaVersion()));
            }
            if (violations.size() == before) {
                if (e.hashMatches()) {
                    checked.add(e);
                } else {
                    hashMismatch = true;
                    violations.add(new Violation(at(i, "contentHash"), "does not match the entry's content"));
                }
            }
        }
        checkUnreadable(unreadable, seqs, ids, violations);
        if (!violations.isEmpty()) {
            if (futureSchema) {
                return new Invalid(422, "future-schema-version", "Some entries use a schema version this server does not know yet. "
                        + "Update the server before this kiosk syncs; nothing was stored.", violations);
            }
            if (hashMismatch) {
                return new Invalid(422, "content-hash-mismatch", "Some entries do not match their content hash: they were "
                        + "altered after capture or damaged on the way. Nothing was stored.", violations);
            }
            return new Invalid(422, "malformed-envelope", "Some entries are incomplete or malformed. Nothing was stored.", violations);
        }
        return new Valid(List.copyOf(checked));
    }

    /**
     * Unreadable entries: a sequence of at least 1 that is not also sent as an entry of this batch, no sequence or id
     * twice, a known reason, a content hash (when given) of SHA-256 form, short texts without NUL.
     */
    private static void checkUnreadable(List<UnreadableEntry> unreadable, Set<Long> seqs, Set<UUID> ids, List<Violation> violations) {
        for (int i = 0; i < unreadable.size(); i++) {
            UnreadableEntry u = unreadable.get(i);
            String at = "unreadable[" + i + "]";
            if (u == null) {
                violations.add(new Violation(at, "must be an unreadable entry"));
                continue;
            }
            if (u.kioskSeq() == null) {
                violations.add(new Violation(at + ".kioskSeq", "must be present"));
            } else if (u.kioskSeq() < 1) {
                violations.add(new Violation(at + ".kioskSeq", "must be at least 1"));
            } else if (u.kioskSeq() > SyncProtocol.MAX_KIOSK_SEQ) {
                violations.add(new Violation(at + ".kioskSeq", "must be at most " + SyncProtocol.MAX_KIOSK_SEQ));
            } else if (!seqs.add(u.kioskSeq())) {
                violations.add(new Violation(at + ".kioskSeq", "appears twice in this batch"));
            }
            if (u.entryId() != null && !ids.add(u.entryId())) {
                violations.add(new Violation(at + ".entryId", "appears twice in this batch"));
            }
            if (u.reason() == null || !UnreadableEntry.REASONS.contains(u.reason())) {
                violations.add(new Violation(at + ".reason", "must be one of " + new java.util.TreeSet<>(UnreadableEntry.REASONS)));
            }
            if (u.contentHash() != null && !isSha256Hex(u.contentHash())) {
                violations.add(new Violation(at + ".contentHash", "must be 64 lowercase hex digits (SHA-256)"));
            }
            if (u.eventType() != null && (u.eventType().length() > 100 || u.eventType().indexOf('\u0000') >= 0)) {
                violations.add(new Violation(at + ".eventType", "must be at most 100 characters without U+0000"));
            }
        }
    }

    /**
     * The checks that need the server's state: each pushed sequence (entries and unreadable reports) at most
     * {@link SyncProtocol#MAX_SEQ_AHEAD_OF_CURSOR} above {@code cursor} (the highest contiguous sequence the server holds
     * of this kiosk), so a forged sequence cannot leave a permanent gap; each capture time between
     * {@link SyncProtocol#EARLIEST_CAPTURE} and {@code now} + {@link SyncProtocol#MAX_CLOCK_AHEAD} (a capture time in the
     * far future would make the content rules' "within reason" dates meaningless). A violation refuses the whole push
     * (422, nothing stored). Only call on a {@link Valid} batch.
     */
    public static List<Violation> bounds(List<WireEntry> entries, List<UnreadableEntry> unreadable, long cursor, java.time.Instant now) {
        List<Violation> violations = new ArrayList<>();
        long highest = cursor + SyncProtocol.MAX_SEQ_AHEAD_OF_CURSOR;
        java.time.Instant latest = now.plus(SyncProtocol.MAX_CLOCK_AHEAD);
        for (int i = 0; i < entries.size(); i++) {
            WireEntry e = entries.get(i);
            if (e.kioskSeq() > highest) {
                violations.add(new Violation(at(i, "kioskSeq"), "must be at most " + SyncProtocol.MAX_SEQ_AHEAD_OF_CURSOR
                        + " above the last sequence the server holds of this kiosk (" + cursor + ")"));
            }
            if (e.recordedAt().isAfter(latest)) {
                violations.add(new Violation(at(i, "recordedAt"), "must not lie more than a day after the server's clock"));
            } else if (e.recordedAt().isBefore(SyncProtocol.EARLIEST_CAPTURE)) {
                violations.add(new Violation(at(i, "recordedAt"), "must not lie before " + SyncProtocol.EARLIEST_CAPTURE));
            }
        }
        for (int i = 0; i < unreadable.size(); i++) {
            if (unreadable.get(i).kioskSeq() > highest) {
                violations.add(new Violation("unreadable[" + i + "].kioskSeq", "must be at most " + SyncProtocol.MAX_SEQ_AHEAD_OF_CURSOR
                        + " above the last sequence the server holds of this kiosk (" + cursor + ")"));
            }
        }
        return violations;
    }

    private static void atMost(List<Violation> violations, int entry, String field, Number value, long max) {
        if (value != null && value.longValue() > max) {
            violations.add(new Violation(at(entry, field), "must be at most " + max));
        }
    }

    private static boolean isSha256Hex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String at(int entry, String field) {
        return "entries[" + entry + "]." + field;
    }

    private static void required(List<Violation> violations, int entry, String field, Object value) {
        if (value == null || value instanceof String s && blank(s) || value instanceof Utf8Text t && t.isBlank()) {
            violations.add(new Violation(at(entry, field), "must be present"));
        }
    }

    /** {@link String#isBlank()} that stops at the first visible character (payloads start with '{'). */
    private static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void noNul(List<Violation> violations, int entry, String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            violations.add(new Violation(at(entry, field), "must not contain the character U+0000 (NUL)"));
        }
    }

    private static void atLeastOne(List<Violation> violations, int entry, String field, Number value) {
        if (value == null) {
            violations.add(new Violation(at(entry, field), "must be present"));
        } else if (value.longValue() < 1) {
            violations.add(new Violation(at(entry, field), "must be at least 1"));
        }
    }
}
