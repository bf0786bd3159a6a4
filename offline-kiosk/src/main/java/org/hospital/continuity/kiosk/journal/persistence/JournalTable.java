package org.hospital.continuity.kiosk.journal.persistence;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.Backlog;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.platform.crypto.AtRestCipher;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The journal's SQL: {@code journal} (payload AES-256-GCM sealed with the kiosk key, bound to the entry id,
 * HR-13), {@code journal_phase} and the sent-through watermark in {@code sync_checkpoint}. The static
 * methods run on a transaction's connection; the others read committed data and report a failure as
 * {@link JournalUnavailableException}.
 */
@ApplicationScoped
public class JournalTable {

    /** The server's peer name in {@code sync_checkpoint}: its position is the sent-through watermark. */
    static final String SERVER_PEER = "continuity-server";

    private static final String INSERT = "insert into journal(entry_id, kiosk_id, kiosk_seq, stream_type, stream_id, "
            + "stream_version, event_type, schema_version, payload, content_hash, recorded_at, hlc, actor, phase, drill_id) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final KioskDatabase database;
    private final KioskKey key;

    public JournalTable(KioskDatabase database, KioskKey key) {
        this.database = database;
        this.key = key;
    }

    // ---- inside a capture's transaction (writer connection)

    /** Writes one sealed entry (a statement prepared once: this runs with every capture). */
    void insert(Connection c, JournalEntry e, Phase phase, UUID drill) throws SQLException {
        AtRestCipher cipher = key.cipher();
        PreparedStatement ps = database.statement(c, INSERT);
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
        ps.setString(15, drill == null ? null : drill.toString()); // HR-21: a training entry (V0150)
        ps.executeUpdate();
    }

    /** Moves the kiosk to {@code phase}, begun by the entry {@code bySeq} (EP-8.3). */
    void setPhase(Connection c, Phase phase, Instant at, long bySeq) throws SQLException {
        PreparedStatement ps = database.statement(c, "update journal_phase set phase = ?, changed_at = ?, changed_by_seq = ? where id = 1");
        ps.setString(1, phase.name());
        ps.setString(2, at.toString());
        ps.setLong(3, bySeq);
        ps.executeUpdate();
    }

    static Phase currentPhase(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select phase from journal_phase where id = 1")) {
            return rs.next() ? Phase.valueOf(rs.getString(1)) : Phase.BEFORE_BREAKPOINT;
        }
    }

    static long maxSeq(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(kiosk_seq), 0) from journal where kiosk_id = ?")) {
            ps.setString(1, kioskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** The highest {@code kiosk_seq} of the whole file (0 when empty). */
    static long maxSeqOfFile(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(kiosk_seq), 0) from journal"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The version the next entry of a stream takes (1 for a new stream). */
    static int nextVersion(Connection c, UUID streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(stream_version), 0) + 1 from journal where stream_id = ?")) {
            ps.setString(1, streamId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * HR-21: the drill of a stream's first entry: empty for a real record, the drill id for a training one, null when the
     * stream has no entry yet.
     */
    static Optional<String> originDrill(Connection c, UUID streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select drill_id from journal where stream_id = ? and stream_version = 1")) {
            ps.setString(1, streamId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : null;
            }
        }
    }

    // ---- committed data (read connections)

    long maxHlc() throws SQLException {
        return database.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select coalesce(max(hlc), 0) from journal")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public long lastSeq(String kioskId) {
        try {
            return database.read(c -> maxSeq(c, kioskId));
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    public Phase currentPhase() {
        try {
            return database.read(JournalTable::currentPhase);
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** Entries with {@code kiosk_seq > afterSeq}, in kiosk order; (kiosk_id, kiosk_seq) is the unique index: a range read, not a scan. */
    public List<Recorded> after(String kioskId, long afterSeq, int limit) {
        return query("select * from journal where kiosk_id = ? and kiosk_seq > ? order by kiosk_seq limit ?", kioskId, afterSeq, limit);
    }

    /** As {@link #after}, with the rows that do not read back named in their place (and quarantined). */
    public Journal.Stretch stretchAfter(String kioskId, long afterSeq, int limit) {
        return rows("select * from journal where kiosk_id = ? and kiosk_seq > ? order by kiosk_seq limit ?", kioskId, afterSeq, limit);
    }

    /** Every entry found unreadable so far, by sequence. */
    public List<Journal.Unreadable> quarantined() {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select kiosk_seq, entry_id, event_type, content_hash, reason, found_at "
                        + "from journal_quarantine order by kiosk_seq"); ResultSet rs = ps.executeQuery()) {
                    List<Journal.Unreadable> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Journal.Unreadable(rs.getLong(1), uuidOrNull(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    public List<Recorded> stream(UUID streamId) {
        return query("select * from journal where stream_id = ? order by stream_version", streamId.toString(), null, null);
    }

    public Optional<Recorded> bySeq(String kioskId, long kioskSeq) {
        return query("select * from journal where kiosk_id = ? and kiosk_seq = ?", kioskId, kioskSeq, null).stream().findFirst();
    }

    public Backlog backlog(String kioskId) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select count(*), min(recorded_at) from journal where kiosk_id = ? and kiosk_seq > "
                        + "(select coalesce(max(position), 0) from sync_checkpoint where peer = ?)")) {
                    ps.setString(1, kioskId);
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

    public Journal.PhaseState phaseState() {
        try {
            return database.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "select phase, changed_at, changed_by_seq from journal_phase where id = 1")) {
                    rs.next();
                    long seq = rs.getLong(3);
                    return new Journal.PhaseState(Phase.valueOf(rs.getString(1)), Instant.parse(rs.getString(2)), rs.wasNull() ? null : seq);
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /**
     * The streams of one type by their first entry, newest first: walks the (kiosk_id, kiosk_seq) index
     * backwards and stops after {@code limit}.
     */
    public List<Journal.StreamStart> streamStarts(String kioskId, String streamType, int limit) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select stream_id, kiosk_seq from journal where kiosk_id = ? and stream_type = ? "
                        + "and stream_version = 1 order by kiosk_seq desc limit ?")) {
                    ps.setString(1, kioskId);
                    ps.setString(2, streamType);
                    ps.setInt(3, limit);
                    List<Journal.StreamStart> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Journal.StreamStart(UUID.fromString(rs.getString(1)), rs.getLong(2)));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The {@code kiosk_seq} of a stream's first entry, found by the (stream_id, stream_version) index. */
    public OptionalLong firstSeq(UUID streamId) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select kiosk_seq from journal where stream_id = ? and stream_version = 1")) {
                    ps.setString(1, streamId.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The entries of a query that read back; a row that does not is left out (and quarantined), never an error for the others. */
    private List<Recorded> query(String sql, Object first, Object second, Integer limit) {
        return rows(sql, first, second, limit).recorded();
    }

    private Journal.Stretch rows(String sql, Object first, Object second, Integer limit) {
        AtRestCipher cipher = key.cipher();
        Journal.Stretch read;
        try {
            read = database.read(c -> {
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
                    List<Journal.Unreadable> bad = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Object row = readRow(rs, cipher);
                            if (row instanceof Recorded r) {
                                out.add(r);
                            } else {
                                bad.add((Journal.Unreadable) row);
                            }
                        }
                    }
                    return new Journal.Stretch(out, bad);
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
        if (!read.unreadable().isEmpty()) {
            quarantine(read.unreadable());
        }
        return read;
    }

    /**
     * One row: the entry when it decrypts and matches the content hash sealed at capture, else what its clear columns still
     * say and why it does not read (one flipped byte on the disk must never stop the reading of the others).
     */
    private static Object readRow(ResultSet rs, AtRestCipher cipher) throws SQLException {
        long seq = rs.getLong("kiosk_seq");
        String entryId = rs.getString("entry_id");
        String eventType = rs.getString("event_type");
        String hash = rs.getString("content_hash");
        UUID id = uuidOrNull(entryId);
        String kind = eventType != null && eventType.matches("[A-Za-z]{1,100}") ? eventType : null;
        String sealed = hash != null && hash.matches("[0-9a-f]{64}") ? hash : null;
        JournalEntry e;
        Phase phase;
        try {
            String payload = cipher.openString(rs.getBytes("payload"), entryId);
            e = new JournalEntry(UUID.fromString(entryId), rs.getString("kiosk_id"), seq, rs.getString("stream_type"),
                    UUID.fromString(rs.getString("stream_id")), rs.getInt("stream_version"), eventType, rs.getInt("schema_version"),
                    payload, hash, Instant.parse(rs.getString("recorded_at")), rs.getLong("hlc"), rs.getString("actor"));
            phase = Phase.valueOf(rs.getString("phase"));
        } catch (AtRestCipher.TamperedDataException x) {
            return new Journal.Unreadable(seq, id, kind, sealed, Journal.Unreadable.CANNOT_DECRYPT);
        } catch (RuntimeException x) {
            return new Journal.Unreadable(seq, id, kind, sealed, Journal.Unreadable.MALFORMED_ROW);
        }
        if (!e.hashMatches()) {
            return new Journal.Unreadable(seq, id, kind, sealed, Journal.Unreadable.HASH_MISMATCH);
        }
        return new Recorded(e, phase);
    }

    /** Names unreadable rows in {@code journal_quarantine} once (the first finding is kept). */
    private void quarantine(List<Journal.Unreadable> found) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into journal_quarantine(kiosk_seq, entry_id, event_type, content_hash, "
                        + "reason, found_at) values (?, ?, ?, ?, ?, ?) on conflict(kiosk_seq) do nothing")) {
                    String now = Instant.now().toString();
                    for (Journal.Unreadable u : found) {
                        ps.setLong(1, u.kioskSeq());
                        ps.setString(2, u.entryId() == null ? null : u.entryId().toString());
                        ps.setString(3, u.eventType());
                        ps.setString(4, u.contentHash());
                        ps.setString(5, u.reason());
                        ps.setString(6, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return null;
                }
            });
            Log.warnf("journal: %d entries do not read back and are quarantined, first kiosk_seq=%d reason=%s", found.size(),
                    found.get(0).kioskSeq(), found.get(0).reason());
        } catch (SQLException | RuntimeException e) {
            // naming them again at the next read is harmless; the reading of the others goes on
            Log.errorf("journal: could not quarantine unreadable entries: %s", e.getClass().getSimpleName());
        }
    }

    private static UUID uuidOrNull(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
