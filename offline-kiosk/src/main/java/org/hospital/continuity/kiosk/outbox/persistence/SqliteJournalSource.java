package org.hospital.continuity.kiosk.outbox.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hospital.continuity.kiosk.outbox.app.JournalSource;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * {@link JournalSource} straight over the pinned SQLite tables of the kiosk journal
 * ({@code journal} and {@code sync_checkpoint}, whose position for the server is the sent-through watermark; created by the journal feature's
 * scripts), for a build where the journal's own {@code Journal} bean is not available. Payloads are
 * stored encrypted: {@link PayloadOpener} is the journal feature's decryption. Not a CDI bean on
 * its own: the wiring that has both the tables and the opener creates it.
 */
public final class SqliteJournalSource implements JournalSource {

    /** Decrypts a stored payload to its canonical JSON (the journal feature's cipher). */
    @FunctionalInterface
    public interface PayloadOpener {
        String open(UUID entryId, byte[] sealed);
    }

    static final String PEER = "continuity-server";

    private final KioskDatabase database;
    private final PayloadOpener opener;
    private final Supplier<Optional<Credential>> credential;

    public SqliteJournalSource(KioskDatabase database, PayloadOpener opener, Supplier<Optional<Credential>> credential) {
        this.database = database;
        this.opener = opener;
        this.credential = credential;
    }

    @Override
    public Optional<Credential> credential() {
        return credential.get();
    }

    @Override
    public List<JournalEntry> readAfter(long afterSeq, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select * from journal where kiosk_seq > ? order by kiosk_seq limit ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                List<JournalEntry> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = UUID.fromString(rs.getString("entry_id"));
                        list.add(new JournalEntry(id, rs.getString("kiosk_id"), rs.getLong("kiosk_seq"), rs.getString("stream_type"),
                                UUID.fromString(rs.getString("stream_id")), rs.getInt("stream_version"), rs.getString("event_type"),
                                rs.getInt("schema_version"), opener.open(id, rs.getBytes("payload")), rs.getString("content_hash"),
                                Instant.parse(rs.getString("recorded_at")), rs.getLong("hlc"), rs.getString("actor")));
                    }
                }
                return list;
            }
        });
    }

    @Override
    public long lastSeq() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(kiosk_seq), 0) from journal");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Unsent unsent() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*), min(recorded_at) from journal where kiosk_seq > "
                            + "(select coalesce(max(position), 0) from sync_checkpoint where peer = '" + PEER + "')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                String oldest = rs.getString(2);
                return new Unsent(rs.getLong(1), oldest == null ? null : Instant.parse(oldest));
            }
        });
    }

    @Override
    public void markSent(long upToSeqInclusive) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into sync_checkpoint(peer, position) values (?, ?) "
                        + "on conflict(peer) do update set position = max(position, excluded.position)")) {
                    ps.setString(1, PEER);
                    ps.setLong(2, upToSeqInclusive);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark entries sent: " + e.getMessage(), e);
        }
    }

    private <T> T read(KioskDatabase.Work<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("journal unreadable: " + e.getMessage(), e);
        }
    }

}
