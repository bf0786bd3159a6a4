package org.hospital.continuity.kiosk.journal.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.RecordIds;
import org.hospital.continuity.kiosk.enrolment.app.EnrolledKiosk;
import org.hospital.continuity.kiosk.journal.domain.Phase;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.crypto.AtRestCipher;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.sync.envelope.HybridLogicalClock;
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
 */
@ApplicationScoped
public class Journal {

    /** One capture: appends entries and writes projections on the same connection, committed together. */
    public interface Capture {

        /** Appends one entry inside the surrounding transaction (durable when the capture commits). */
        JournalEntry append(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion,
                            String payloadJson, String actor) throws SQLException;

        /** The transaction's connection, for projections and number pools. */
        Connection connection();

        /** The breakpoint phase that entries of this capture get. */
        Phase phase();

        /**
         * A prepared statement of this capture's connection, prepared once and reused by later
         * captures: never close it (close its ResultSets), set every parameter on every use.
         */
        PreparedStatement statement(String sql) throws SQLException;
    }

    @FunctionalInterface
    public interface CaptureWork<T> {
        T run(Capture capture) throws SQLException;
    }

    private final KioskDatabase database;
    private final KioskKey key;
    private final EnrolledKiosk enrolled;
    private final InstantSource clock;
    private final List<CaptureCompanion> companions;
    private HybridLogicalClock hlc;
    /**
     * The last {@code kiosk_seq} and the phase as the writer connection sees them, kept beside the
     * database so that a capture needs no {@code select} for them; touched only inside the writer's
     * transactions and dropped (re-read on next use) whenever anything is rolled back.
     */
    private volatile long writerLastSeq = UNKNOWN;
    private volatile Phase writerPhase;
    private static final long UNKNOWN = -1;

    public Journal(KioskDatabase database, KioskKey key, EnrolledKiosk enrolled, InstantSource clock,
                   Instance<CaptureCompanion> companions) {
        this.database = database;
        this.key = key;
        this.enrolled = enrolled;
        this.clock = clock;
        this.companions = companions.stream().toList();
        database.onRollback(this::forgetWriterState);
    }

    private void forgetWriterState() {
        writerLastSeq = UNKNOWN;
        writerPhase = null;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws SQLException {
        hlc();
        Log.infof("journal ready: lastSeq=%d", lastSeq());
    }

    private synchronized HybridLogicalClock hlc() throws SQLException {
        if (hlc == null) {
            long last = database.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select coalesce(max(hlc), 0) from journal")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            hlc = new HybridLogicalClock(clock, last);
        }
        return hlc;
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
        return run(null, work);
    }

    /**
     * Moves the kiosk to another breakpoint phase (EP-8.3) together with the entries that record
     * the move, in one transaction; those entries already carry the new phase.
     */
    public <T> T changePhase(Phase next, CaptureWork<T> work) {
        return run(next, work);
    }

    private <T> T run(Phase newPhase, CaptureWork<T> work) {
        String kioskId = enrolled.requireKioskId();
        try {
            HybridLogicalClock hybrid = hlc();
            List<CaptureCompanion.Part> parts = parts();
            T outcome = database.inTransaction(connection -> {
                Phase phase = writerPhase;
                if (phase == null) {
                    phase = currentPhase(connection);
                    writerPhase = phase;
                }
                long last = writerLastSeq;
                if (last == UNKNOWN) {
                    last = maxSeq(connection, kioskId);
                    writerLastSeq = last;
                }
                if (newPhase == phase) {
                    // EP-8.3: a second change to the same phase (an announcement and a supervisor at once) records no second breakpoint
                    throw KioskRejection.conflict(phase == Phase.DOWNTIME ? "already-in-downtime" : "not-in-downtime", "EP-8.3",
                            phase == Phase.DOWNTIME ? "error.mode.already-downtime" : "error.mode.not-downtime");
                }
                if (newPhase != null) {
                    PreparedStatement ps = database.statement(connection,
                            "update journal_phase set phase = ?, changed_at = ?, changed_by_seq = ? where id = 1");
                    ps.setString(1, newPhase.name());
                    ps.setString(2, clock.instant().toString());
                    ps.setLong(3, last + 1);
                    ps.executeUpdate();
                    phase = newPhase;
                    writerPhase = newPhase;
                }
                TxCapture capture = new TxCapture(connection, kioskId, last + 1, phase, hybrid);
                T result = work.run(capture);
                for (CaptureCompanion.Part part : parts) {
                    part.write(connection, capture.appended);
                }
                writerLastSeq = capture.nextSeq - 1;
                return result;
            });
            for (CaptureCompanion.Part part : parts) {
                part.committed();
            }
            return outcome;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("journal.stream_id, journal.stream_version")) {
                throw KioskRejection.conflict("stream-version-conflict", "HR-9",
                        "error.stream-conflict");
            }
            throw new JournalUnavailableException(e);
        }
    }

    private List<CaptureCompanion.Part> parts() {
        if (companions.isEmpty()) {
            return List.of();
        }
        List<CaptureCompanion.Part> parts = new ArrayList<>(companions.size());
        for (CaptureCompanion companion : companions) {
            CaptureCompanion.Part part = companion.begin();
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The capture handle of one transaction. */
    private final class TxCapture implements Capture {
        private final Connection connection;
        private final String kioskId;
        private final Phase phase;
        private final HybridLogicalClock hybrid;
        private final List<JournalEntry> appended = new ArrayList<>(2);
        private long nextSeq;

        TxCapture(Connection connection, String kioskId, long nextSeq, Phase phase, HybridLogicalClock hybrid) {
            this.connection = connection;
            this.kioskId = kioskId;
            this.nextSeq = nextSeq;
            this.phase = phase;
            this.hybrid = hybrid;
        }

        @Override
        public JournalEntry append(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion,
                                   String payloadJson, String actor) throws SQLException {
            JournalEntry entry = JournalEntry.seal(RecordIds.next(), kioskId, nextSeq, streamType, streamId, streamVersion,
                    eventType, schemaVersion, payloadJson, clock.instant(), nextHlc(hybrid), actor);
            insert(connection, entry, phase);
            appended.add(entry);
            nextSeq++;
            return entry;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public Phase phase() {
            return phase;
        }

        @Override
        public PreparedStatement statement(String sql) throws SQLException {
            return database.statement(connection, sql);
        }
    }

    /** Decrypted entries with {@code kiosk_seq > afterSeq}, in kiosk order, at most {@code limit}. */
    public List<JournalEntry> readAfter(long afterSeq, int limit) {
        return readRecordsAfter(afterSeq, limit).stream().map(Recorded::entry).toList();
    }

    /** As {@link #readAfter}, with each entry's breakpoint phase. */
    public List<Recorded> readRecordsAfter(long afterSeq, int limit) {
        Optional<String> kiosk = enrolled.kioskId();
        if (kiosk.isEmpty()) {
            return List.of();
        }
        // (kiosk_id, kiosk_seq) is the unique index: a range read, not a scan
        return query("select * from journal where kiosk_id = ? and kiosk_seq > ? order by kiosk_seq limit ?", kiosk.get(), afterSeq, limit);
    }

    /** Entries of one stream (a record and its corrections), oldest first. */
    public List<Recorded> stream(UUID streamId) {
        return query("select * from journal where stream_id = ? order by stream_version", streamId.toString(), null, null);
    }

    /** The highest {@code kiosk_seq} written (0 when the journal is empty). */
    public long lastSeq() {
        try {
            Optional<String> kiosk = enrolled.kioskId();
            return kiosk.isEmpty() ? 0L : database.read(c -> maxSeq(c, kiosk.get()));
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The server's peer name in {@code sync_checkpoint}: its position is the sent-through watermark. */
    static final String SERVER_PEER = "continuity-server";

    /** Entries the server does not hold yet (above the watermark) and the recorded-at of the oldest. */
    public Backlog backlog() {
        Optional<String> kiosk = enrolled.kioskId();
        if (kiosk.isEmpty()) {
            return new Backlog(0, null);
        }
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select count(*), min(recorded_at) from journal where kiosk_id = ? and kiosk_seq > "
                        + "(select coalesce(max(position), 0) from sync_checkpoint where peer = ?)")) {
                    ps.setString(1, kiosk.get());
                    ps.setString(2, SERVER_PEER);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String oldest = rs.getString(2);
                        return new Backlog(rs.getLong(1), oldest == null ? null : Instant.parse(oldest));
                    }
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The server holds every entry with {@code kiosk_seq <= upToSeqInclusive}: the watermark moves up (never down). */
    public void markSent(long upToSeqInclusive) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into sync_checkpoint(peer, position) values (?, ?) "
                        + "on conflict(peer) do update set position = max(position, excluded.position)")) {
                    ps.setString(1, SERVER_PEER);
                    ps.setLong(2, upToSeqInclusive);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The current phase with when it began and the sequence of the entry that began it (null before any). */
    public record PhaseState(Phase phase, Instant since, Long changedBySeq) {
    }

    public PhaseState phaseState() {
        try {
            return database.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "select phase, changed_at, changed_by_seq from journal_phase where id = 1")) {
                    rs.next();
                    long seq = rs.getLong(3);
                    return new PhaseState(Phase.valueOf(rs.getString(1)), Instant.parse(rs.getString(2)), rs.wasNull() ? null : seq);
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The entry with this sequence, when present. */
    public Optional<Recorded> bySeq(long kioskSeq) {
        Optional<String> kiosk = enrolled.kioskId();
        if (kiosk.isEmpty()) {
            return Optional.empty();
        }
        return query("select * from journal where kiosk_id = ? and kiosk_seq = ?", kiosk.get(), kioskSeq, null).stream().findFirst();
    }

    /** The phase new entries get now. */
    public Phase currentPhase() {
        try {
            return database.read(Journal::currentPhase);
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** Verifies every stored entry: it decrypts with this kiosk's key, its hash matches, sequences have no gap. */
    public Integrity verify() {
        List<Recorded> all = readRecordsAfter(0, Integer.MAX_VALUE);
        long expected = 1;
        List<String> problems = new ArrayList<>();
        for (Recorded r : all) {
            if (r.entry().kioskSeq() != expected) {
                problems.add("gap before kiosk_seq " + r.entry().kioskSeq() + " (expected " + expected + ")");
            }
            if (!r.entry().hashMatches()) {
                problems.add("hash mismatch at kiosk_seq " + r.entry().kioskSeq());
            }
            expected = r.entry().kioskSeq() + 1;
        }
        return new Integrity(all.size(), expected - 1, List.copyOf(problems));
    }

    /** Outcome of {@link #verify()}: entries read, last sequence, and anything wrong. */
    public record Integrity(int entries, long lastSeq, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** The kiosk id of this kiosk's entries, when enrolled. */
    public Optional<String> kioskId() {
        return enrolled.kioskId();
    }

    private synchronized long nextHlc(HybridLogicalClock clock) {
        return clock.tick();
    }

    private static Phase currentPhase(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select phase from journal_phase where id = 1")) {
            return rs.next() ? Phase.valueOf(rs.getString(1)) : Phase.BEFORE_BREAKPOINT;
        }
    }

    private static long maxSeq(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(kiosk_seq), 0) from journal where kiosk_id = ?")) {
            ps.setString(1, kioskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private void insert(Connection c, JournalEntry e, Phase phase) throws SQLException {
        AtRestCipher cipher = key.cipher();
        PreparedStatement ps = database.statement(c, "insert into journal(entry_id, kiosk_id, kiosk_seq, stream_type, stream_id, "
                + "stream_version, event_type, schema_version, payload, content_hash, recorded_at, hlc, actor, phase) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, e.entryId().toString());
        ps.setString(2, e.kioskId());
        ps.setLong(3, e.kioskSeq());
        ps.setString(4, e.streamType());
        ps.setString(5, e.streamId().toString());
        ps.setInt(6, e.streamVersion());
        ps.setString(7, e.eventType());
        ps.setInt(8, e.schemaVersion());
        ps.setBytes(9, cipher.seal(e.payload(), e.entryId().toString()));
        ps.setString(10, e.contentHash());
        ps.setString(11, e.recordedAt().toString());
        ps.setLong(12, e.hlc());
        ps.setString(13, e.actor());
        ps.setString(14, phase.name());
        ps.executeUpdate();
    }

    private List<Recorded> query(String sql, Object first, Object second, Integer limit) {
        AtRestCipher cipher = key.cipher();
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    ps.setObject(i++, first);
                    if (second != null) {
                        ps.setObject(i++, second);
                    }
                    if (limit != null) {
                        ps.setInt(i, limit);
                    }
                    List<Recorded> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String entryId = rs.getString("entry_id");
                            JournalEntry e = new JournalEntry(UUID.fromString(entryId), rs.getString("kiosk_id"),
                                    rs.getLong("kiosk_seq"), rs.getString("stream_type"), UUID.fromString(rs.getString("stream_id")),
                                    rs.getInt("stream_version"), rs.getString("event_type"), rs.getInt("schema_version"),
                                    cipher.openString(rs.getBytes("payload"), entryId), rs.getString("content_hash"),
                                    Instant.parse(rs.getString("recorded_at")), rs.getLong("hlc"), rs.getString("actor"));
                            out.add(new Recorded(e, Phase.valueOf(rs.getString("phase"))));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The journal could not be written or read: the capture was NOT saved. */
    public static class JournalUnavailableException extends RuntimeException {
        public JournalUnavailableException(SQLException cause) {
            super("The local journal could not be written; the record was not saved.", cause);
        }
    }
}
