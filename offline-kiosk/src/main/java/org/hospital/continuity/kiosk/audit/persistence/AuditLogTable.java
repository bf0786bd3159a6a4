package org.hospital.continuity.kiosk.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.audit.AuditRecord;

/**
 * {@code audit_log} (append-only: SQLite triggers refuse UPDATE and DELETE, HR-9) and {@code audit_shipping}
 * (up to which position the server holds the entries). Times are microseconds since the epoch.
 */
@ApplicationScoped
public class AuditLogTable {

    /** The last entry of the chain: its position and hash. */
    public record ChainHead(long seq, String hash) {
    }

    private static final String INSERT = """
            insert into audit_log (seq, id, at_micros, actor, actor_kind, action, category, outcome, source, record_type,
                                   record_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final KioskDatabase database;

    public AuditLogTable(KioskDatabase database) {
        this.database = database;
    }

    /** The chain's last entry as the transaction sees it, empty for an empty log. */
    public Optional<ChainHead> head(WriteTransaction transaction) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("select seq, hash from audit_log order by seq desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new ChainHead(rs.getLong(1), rs.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new KioskStorageException("kiosk audit log unreadable", e);
        }
    }

    /** The chain's last entry as a reader sees it (the audit anchor signs it), empty for an empty log. */
    public Optional<ChainHead> head() {
        try {
            return database.read(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("select seq, hash from audit_log order by seq desc limit 1");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ChainHead(rs.getLong(1), rs.getString(2))) : Optional.<ChainHead>empty();
                }
            });
        } catch (SQLException e) {
            throw new KioskStorageException("kiosk audit log unreadable", e);
        }
    }

    /** Appends a chained entry inside the transaction (a statement prepared once: this runs with every capture). */
    public void insert(WriteTransaction transaction, AuditRecord r) {
        try {
            PreparedStatement ps = transaction.statement(INSERT);
            ps.setLong(1, r.seq());
            ps.setString(2, r.id().toString());
            ps.setLong(3, ChronoUnit.MICROS.between(Instant.EPOCH, r.at()));
            ps.setString(4, r.actor());
            ps.setString(5, r.actorKind());
            ps.setString(6, r.action());
            ps.setString(7, r.category());
            ps.setString(8, r.outcome());
            ps.setString(9, r.source());
            ps.setString(10, r.recordType());
            ps.setString(11, r.recordId());
            ps.setString(12, r.detail());
            ps.setString(13, r.prevHash());
            ps.setString(14, r.hash());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("kiosk audit entry not written", e);
        }
    }

    /** Entries after a position, in chain order. */
    public List<AuditRecord> after(long afterSeq, int limit) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select * from audit_log where seq > ? order by seq limit ?")) {
                    ps.setLong(1, afterSeq);
                    ps.setInt(2, limit);
                    return records(ps);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk audit log unreadable", e);
        }
    }

    /** Newest first, one page. */
    public List<AuditRecord> page(int page, int size) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select * from audit_log order by seq desc limit ? offset ?")) {
                    ps.setInt(1, size);
                    ps.setLong(2, (long) page * size);
                    return records(ps);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk audit log unreadable", e);
        }
    }

    /** Up to which position the server holds this kiosk's entries. */
    public long storedThrough() {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select stored_through from audit_shipping where id = 1");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk audit shipping state unreadable", e);
        }
    }

    public void shipped(long storedThrough, Instant at) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("update audit_shipping set stored_through = ?, shipped_at = ? where id = 1")) {
                    ps.setLong(1, storedThrough);
                    ps.setString(2, at.toString());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk audit shipping state not written", e);
        }
    }

    private static List<AuditRecord> records(PreparedStatement ps) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long micros = rs.getLong("at_micros");
                out.add(new AuditRecord(rs.getLong("seq"), UUID.fromString(rs.getString("id")),
                        Instant.EPOCH.plus(micros, ChronoUnit.MICROS), rs.getString("actor"), rs.getString("actor_kind"),
                        rs.getString("action"), rs.getString("category"), rs.getString("outcome"), rs.getString("source"),
                        rs.getString("record_type"), rs.getString("record_id"), rs.getString("detail"), rs.getString("prev_hash"),
                        rs.getString("hash")));
            }
        }
        return out;
    }
}
