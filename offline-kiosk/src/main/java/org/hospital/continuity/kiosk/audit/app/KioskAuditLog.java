package org.hospital.continuity.kiosk.audit.app;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.sync.audit.AuditChain;
import org.hospital.continuity.sync.audit.AuditRecord;

/**
 * This kiosk's audit log (HR-8): sign-ins, changes, reads of patient data, each chained to the one before
 * (HR-9). SQLite triggers refuse UPDATE and DELETE; {@link #verify()} re-computes the chain. Entries go to
 * the server with the journal ({@code ShippingAudit}). No patient data in an entry, record ids only.
 */
@ApplicationScoped
public class KioskAuditLog {

    /** What happened; an empty source means "the current request's address". */
    public record Event(String actor, String actorKind, String action, String category, String outcome, String recordType,
                        String recordId, String detail) {
    }

    public record Report(boolean intact, long entries, String headHash, Long brokenAt, String reason) {
    }

    private static final String INSERT = """
            insert into audit_log (seq, id, at_micros, actor, actor_kind, action, category, outcome, source, record_type,
                                   record_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final KioskDatabase database;
    private final InstantSource clock;
    /**
     * The chain's head (last seq and hash) as the writer connection sees it, so that an append needs no
     * {@code select}; touched only inside the writer's transactions and dropped (re-read) on any rollback.
     */
    private volatile Head head;

    private record Head(long seq, String hash) {
    }

    public KioskAuditLog(KioskDatabase database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
        database.onRollback(() -> head = null);
    }

    /**
     * Appends in a transaction of its own; a failure is logged and does not fail what was audited. The
     * client address is taken here, on the request's thread (the writer thread has no request).
     */
    public void append(Event e) {
        String source = currentSource();
        try {
            database.inTransaction(c -> appendIn(c, e, source));
        } catch (SQLException | RuntimeException ex) {
            Log.errorf("kiosk audit entry not written action=%s: %s", e.action(), ex.getClass().getSimpleName());
        }
    }

    /**
     * Appends inside the caller's transaction on the writer connection (the kiosk has one, so the chain
     * is never raced); {@code source} is the client address, "" when there is no request.
     */
    public AuditRecord appendIn(Connection c, Event e, String source) throws SQLException {
        Head h = head;
        if (h == null) {
            h = new Head(0, AuditChain.GENESIS);
            try (PreparedStatement ps = c.prepareStatement("select seq, hash from audit_log order by seq desc limit 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    h = new Head(rs.getLong(1), rs.getString(2));
                }
            }
        }
        AuditRecord r = AuditRecord.of(clock.instant(), e.actor(), e.actorKind(), e.action(), e.category(), e.outcome(), source,
                e.recordType(), e.recordId(), e.detail()).chainedAfter(h.seq() + 1, h.hash()); // texts clipped by AuditRecord.of
        PreparedStatement ps = database.statement(c, INSERT);
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
        head = new Head(r.seq(), r.hash());
        return r;
    }

    /** Entries after a position, in chain order. */
    public List<AuditRecord> after(long afterSeq, int limit) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select * from audit_log where seq > ? order by seq limit ?")) {
                    ps.setLong(1, afterSeq);
                    ps.setInt(2, limit);
                    List<AuditRecord> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(record(rs));
                        }
                    }
                    return out;
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
                    List<AuditRecord> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(record(rs));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk audit log unreadable", e);
        }
    }

    public Report verify() {
        AuditChain.Walker w = new AuditChain.Walker();
        long after = 0;
        while (true) {
            List<AuditRecord> batch = after(after, 1000);
            batch.forEach(w::next);
            if (batch.size() < 1000) {
                break;
            }
            after = batch.get(batch.size() - 1).seq();
        }
        Optional<AuditChain.Break> b = w.firstBreak();
        return new Report(b.isEmpty(), w.count(), w.lastHash(), b.map(AuditChain.Break::seq).orElse(null),
                b.map(AuditChain.Break::reason).orElse(null));
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

    public void shipped(long storedThrough) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("update audit_shipping set stored_through = ?, shipped_at = ? where id = 1")) {
                    ps.setLong(1, storedThrough);
                    ps.setString(2, clock.instant().toString());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk audit shipping state not written", e);
        }
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        long micros = rs.getLong("at_micros");
        return new AuditRecord(rs.getLong("seq"), UUID.fromString(rs.getString("id")),
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS), rs.getString("actor"), rs.getString("actor_kind"),
                rs.getString("action"), rs.getString("category"), rs.getString("outcome"), rs.getString("source"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getString("detail"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The client address of the current HTTP request, "" outside one. */
    static String currentSource() {
        try {
            var container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return "";
            }
            var rc = container.instance(CurrentVertxRequest.class).get().getCurrent();
            var a = rc == null ? null : rc.request().remoteAddress();
            return a == null ? "" : a.hostAddress();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
