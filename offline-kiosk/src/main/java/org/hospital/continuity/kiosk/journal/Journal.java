package org.hospital.continuity.kiosk.journal;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.journal.persistence.JournalTable;
import org.hospital.continuity.kiosk.journal.persistence.JournalWriter;
import org.hospital.continuity.kiosk.journal.persistence.TrainingTable;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The kiosk's append-only journal: the one place a captured record becomes durable.
 *
 * <p>Contract (used by the sync sender; keep it stable):
 * <ul>
 *   <li>{@link #append} seals a {@link JournalEntry} (entry id, next {@code kiosk_seq}, HLC, phase),
 *       writes the journal row (with the capture's projections) in ONE SQLite transaction (WAL,
 *       {@code synchronous=FULL}) and returns only after the commit: a returned entry is durable.
 *       The payload is stored AES-256-GCM encrypted with the kiosk key (HR-13); the content hash is
 *       over the clear canonical payload.</li>
 *   <li>{@link #readAfter} returns decrypted entries with {@code kiosk_seq > after}, in kiosk order.</li>
 *   <li>{@link #lastSeq}, {@link #backlog}, {@link #markSent} serve the sync cursor and the banner. What the
 *       server holds is one watermark ({@code sync_checkpoint}, peer {@code continuity-server}): the server's
 *       cursor is contiguous, so every entry at or below it is sent and every entry above it is unsent.</li>
 * </ul>
 * Sequences have no gaps: {@code kiosk_seq} is computed inside the writing transaction, and a
 * rolled-back capture takes no number. Entries are never updated or deleted (HR-9; triggers refuse it).
 * The SQL is in {@code journal.persistence} ({@code JournalWriter} runs captures, {@code JournalTable} reads);
 * a failure of the file is a {@code JournalUnavailableException} (507 on a full disk, else 503).
 */
@ApplicationScoped
public class Journal {

    /** One capture: appends entries and writes projections in the same transaction, committed together. */
    public interface Capture {

        /** Appends one entry inside the surrounding transaction (durable when the capture commits). */
        JournalEntry append(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion,
                            String payloadJson, String actor);

        /** The breakpoint phase that entries of this capture get. */
        Phase phase();

        /** The transaction, for the projections and number draws of the capturing feature's stores. */
        WriteTransaction transaction();

        /** The version the next entry of {@code streamId} takes, as this transaction sees the journal (HR-9 corrections, voids). */
        int nextVersion(UUID streamId);

        /** The highest {@code kiosk_seq} in the file before this capture's entries (the breakpoint's "last before"). */
        long lastSeqOfFile();

        /**
         * HR-21: the drill this capture belongs to (its entries go to the drill's training namespace), or null for a real
         * capture. A drill capture never draws from the real number blocks: it takes {@link #trainingNumber}.
         */
        default UUID drill() {
            return null;
        }

        /**
         * HR-21: the next number of a training series ({@code series}: PATIENT, INVOICE, IOU …) of this capture's drill,
         * printed as {@code 演练-<letters><8 digits>}; only for a drill capture.
         */
        default String trainingNumber(String letters, String series) {
            throw new IllegalStateException("a real capture draws real numbers");
        }
    }

    @FunctionalInterface
    public interface CaptureWork<T> {
        T run(Capture capture);
    }

    /** A stream (a record) by its first entry. */
    public record StreamStart(UUID streamId, long kioskSeq) {
    }

    /** The current phase with when it began and the sequence of the entry that began it (null before any). */
    public record PhaseState(Phase phase, Instant since, Long changedBySeq) {
    }

    /**
     * An entry of this kiosk's journal that does not read back (HR-9: its row stays as it is, named in the quarantine):
     * its sequence, what its clear columns still say (id, kind, sealed hash — null when they do not parse) and why.
     * The sync agent reports it to the server as unreadable on the kiosk in its place, so the later entries flow.
     */
    public record Unreadable(long kioskSeq, UUID entryId, String eventType, String contentHash, String reason) {
        /** The payload does not decrypt with this kiosk's key. */
        public static final String CANNOT_DECRYPT = "cannot-decrypt";
        /** The entry decrypts but no longer matches the content hash sealed at capture. */
        public static final String HASH_MISMATCH = "hash-mismatch";
        /** A clear column does not parse (an id, a time, a phase). */
        public static final String MALFORMED_ROW = "malformed-row";
    }

    /** A stretch of the journal in sequence order: the entries that read back, and those that do not, named. */
    public record Stretch(List<Recorded> recorded, List<Unreadable> unreadable) {
        public boolean isEmpty() {
            return recorded.isEmpty() && unreadable.isEmpty();
        }
    }

    /**
     * Outcome of {@link #verify()}: entries read, last sequence, anything wrong (each problem names its sequence), and the
     * entries that do not read back.
     */
    public record Integrity(int entries, long lastSeq, List<String> problems, List<Unreadable> unreadable) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private final JournalWriter writer;
    private final JournalTable table;
    private final EnrolledKiosk enrolled;
    private final TrainingMode training;
    private final TrainingTable trainingTable;

    private final jakarta.enterprise.event.Event<Appended> appended;

    public Journal(JournalWriter writer, JournalTable table, EnrolledKiosk enrolled, TrainingMode training, TrainingTable trainingTable,
                   jakarta.enterprise.event.Event<Appended> appended) {
        this.appended = appended;
        this.writer = writer;
        this.table = table;
        this.enrolled = enrolled;
        this.training = training;
        this.trainingTable = trainingTable;
    }

    /**
     * HR-21: the namespace the screens read now: the drill's training namespace while the kiosk is in a drill, else the
     * kiosk's real journal. The sync, the backlog and the integrity check always read the real one.
     */
    private Optional<String> screenNamespace() {
        Optional<String> kiosk = enrolled.kioskId();
        Optional<TrainingMode.Drill> drill = training.current();
        return kiosk.isEmpty() || drill.isEmpty() ? kiosk : Optional.of(TrainingMode.namespace(kiosk.get(), drill.get().drillId()));
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        writer.hlc();
        Log.infof("journal ready: lastSeq=%d", lastSeq());
    }

    /**
     * Appends one entry and returns it once it is durable (its journal row in one committed
     * transaction; it counts as unsent until the server's cursor passes it).
     *
     * @param streamType    kind of record stream, e.g. {@code registration}
     * @param streamId      the record the entry belongs to
     * @param streamVersion 1 for a new record, the next version for a correction or void (HR-9);
     *                      a version that already exists is refused (409, nothing stored)
     * @param eventType     what happened, e.g. {@code PatientRegistered}
     * @param schemaVersion version of the payload schema
     * @param payloadJson   canonical JSON (see {@link CanonicalJson}), in clear; stored encrypted
     * @param actor         staff account id of the person capturing
     */
    public JournalEntry append(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion,
                               String payloadJson, String actor) {
        return capture(c -> c.append(streamType, streamId, streamVersion, eventType, schemaVersion, payloadJson, actor));
    }

    /**
     * Runs {@code work} as one durable transaction: every entry it appends, every projection row and
     * every number it draws commit together or not at all.
     */
    public <T> T capture(CaptureWork<T> work) {
        T done = writer.run(null, work);
        appended.fire(new Appended());
        return done;
    }

    /**
     * Moves the kiosk to another breakpoint phase (EP-8.3) together with the entries that record
     * the move, in one transaction; those entries already carry the new phase.
     */
    public <T> T changePhase(Phase next, CaptureWork<T> work) {
        T done = writer.run(next, work);
        appended.fire(new Appended());
        return done;
    }

    /** Decrypted entries with {@code kiosk_seq > afterSeq}, in kiosk order, at most {@code limit}. */
    public List<JournalEntry> readAfter(long afterSeq, int limit) {
        return readRecordsAfter(afterSeq, limit).stream().map(Recorded::entry).toList();
    }

    /** As {@link #readAfter}, with each entry's breakpoint phase. */
    public List<Recorded> readRecordsAfter(long afterSeq, int limit) {
        Optional<String> kiosk = enrolled.kioskId();
        return kiosk.isEmpty() ? List.of() : table.after(kiosk.get(), afterSeq, limit);
    }

    /**
     * Up to {@code limit} journal positions after {@code afterSeq}, in kiosk order: the entries that read back and those that
     * do not (quarantined when first found), so that one bad row never stops the reading of the others.
     */
    public Stretch readStretch(long afterSeq, int limit) {
        Optional<String> kiosk = enrolled.kioskId();
        return kiosk.isEmpty() ? new Stretch(List.of(), List.of()) : table.stretchAfter(kiosk.get(), afterSeq, limit);
    }

    /** Every entry found unreadable so far, by sequence. */
    public List<Unreadable> quarantined() {
        return table.quarantined();
    }

    /** Entries of one stream (a record and its corrections), oldest first. */
    public List<Recorded> stream(UUID streamId) {
        return table.stream(streamId);
    }

    /** The streams of {@code streamType} by their first entry, newest first, at most {@code limit}. */
    public List<StreamStart> latestStreams(String streamType, int limit) {
        Optional<String> kiosk = screenNamespace();
        return kiosk.isEmpty() ? List.of() : table.streamStarts(kiosk.get(), streamType, limit);
    }

    /** HR-21: whether a record (a stream) was captured in a drill (its entries are in a training namespace). */
    public boolean training(UUID streamId) {
        return table.stream(streamId).stream().findFirst().map(r -> TrainingMode.isNamespace(r.entry().kioskId())).orElse(false);
    }

    /** The {@code kiosk_seq} of a stream's first entry, when the stream exists. */
    public OptionalLong firstSeq(UUID streamId) {
        return table.firstSeq(streamId);
    }

    /** The highest {@code kiosk_seq} written (0 when the journal is empty). */
    public long lastSeq() {
        Optional<String> kiosk = enrolled.kioskId();
        return kiosk.isEmpty() ? 0L : table.lastSeq(kiosk.get());
    }

    /** Entries the server does not hold yet (above the watermark) and the recorded-at of the oldest. */
    public Backlog backlog() {
        Optional<String> kiosk = enrolled.kioskId();
        return kiosk.isEmpty() ? new Backlog(0, null) : table.backlog(kiosk.get());
    }

    /** The server holds every entry with {@code kiosk_seq <= upToSeqInclusive}: the watermark moves up (never down). */
    public void markSent(long upToSeqInclusive) {
        table.markSent(upToSeqInclusive);
    }

    public PhaseState phaseState() {
        Optional<TrainingMode.Drill> drill = training.current();
        return drill.isPresent() ? trainingTable.phase(drill.get().drillId()) : table.phaseState();
    }

    /** The entry with this sequence, when present. */
    public Optional<Recorded> bySeq(long kioskSeq) {
        Optional<String> kiosk = screenNamespace();
        return kiosk.isEmpty() ? Optional.empty() : table.bySeq(kiosk.get(), kioskSeq);
    }

    /** The phase new entries get now. */
    public Phase currentPhase() {
        Optional<TrainingMode.Drill> drill = training.current();
        return drill.isPresent() ? trainingTable.phase(drill.get().drillId()).phase() : table.currentPhase();
    }

    /**
     * Verifies every stored entry: it decrypts with this kiosk's key, its hash matches, sequences have no gap. An entry
     * that does not read back is named (sequence and reason), never an error for the whole check.
     */
    public Integrity verify() {
        Stretch all = readStretch(0, Integer.MAX_VALUE);
        java.util.TreeMap<Long, String> bySeq = new java.util.TreeMap<>();
        all.recorded().forEach(r -> bySeq.put(r.entry().kioskSeq(), null));
        all.unreadable().forEach(u -> bySeq.put(u.kioskSeq(), u.reason()));
        long expected = 1;
        List<String> problems = new ArrayList<>();
        for (var seq : bySeq.entrySet()) {
            if (seq.getKey() != expected) {
                problems.add("gap before kiosk_seq " + seq.getKey() + " (expected " + expected + ")");
            }
            if (seq.getValue() != null) {
                problems.add(seq.getValue() + " at kiosk_seq " + seq.getKey());
            }
            expected = seq.getKey() + 1;
        }
        return new Integrity(bySeq.size(), expected - 1, List.copyOf(problems), all.unreadable());
    }

    /** The kiosk id of this kiosk's entries, when enrolled. */
    public Optional<String> kioskId() {
        return enrolled.kioskId();
    }
}
