package org.hospital.continuity.server.audit.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.sync.audit.AuditChain;
import org.hospital.continuity.sync.audit.AuditRecord;

/**
 * The audit log table (HR-8). Appends take a transaction-scoped advisory lock, so the chain is extended
 * by one transaction at a time; the table's triggers refuse UPDATE, DELETE and TRUNCATE and any insert
 * that does not continue the chain.
 */
@ApplicationScoped
public class AuditStore {

    /** Where an entry came from: the server itself, or a kiosk with its own chain position and hashes. */
    public record Origin(String name, Long seq, String prevHash, String hash) {
        public static final Origin SERVER = new Origin("server", null, null, null);

        public String[] extra() {
            return new String[] {name, seq == null ? "" : Long.toString(seq), prevHash, hash};
        }
    }

    /** A stored entry: the server-chain record and where it came from. */
    public record Stored(AuditRecord record, Origin origin, Instant receivedAt) {
        /** The entry as it stands in its kiosk's own chain (kiosk entries only). */
        public AuditRecord asOriginRecord() {
            return record.withChain(origin.seq(), origin.prevHash(), origin.hash());
        }
    }

    private static final long LOCK = 0x61756469744c4f47L; // "auditLOG"

    private final Pool pool;

    public AuditStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    /** Appends inside the caller's transaction; the lock is held until that transaction ends. */
    public Uni<AuditRecord> append(Tx tx, AuditRecord entry, Origin origin) {
        return tx.client().preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
                .chain(() -> tx.client().query("select seq, hash from audit_log order by seq desc limit 1").execute())
                .chain(rows -> {
                    long seq = 1;
                    String prev = AuditChain.GENESIS;
                    var it = rows.iterator();
                    if (it.hasNext()) {
                        Row r = it.next();
                        seq = r.getLong("seq") + 1;
                        prev = r.getString("hash");
                    }
                    AuditRecord chained = entry.chainedAfter(seq, prev, origin.extra());
                    return tx.client().preparedQuery("""
                                    insert into audit_log (seq, id, at, actor, actor_kind, action, category, outcome, source, record_type,
                                                           record_id, detail, origin, origin_seq, origin_prev, origin_hash, prev_hash, hash)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)""")
                            .execute(Tuple.from(new Object[] {chained.seq(), chained.id(), ts(chained.at()), chained.actor(),
                                    chained.actorKind(), chained.action(), chained.category(), chained.outcome(), chained.source(),
                                    chained.recordType(), chained.recordId(), chained.detail(), origin.name(), origin.seq(),
                                    origin.prevHash(), origin.hash(), chained.prevHash(), chained.hash()}))
                            .replaceWith(chained);
                });
    }

    /** The last entry a kiosk's chain has on the server: its position and hash, or position 0 and the genesis hash. */
    public Uni<Origin> lastOfOrigin(Tx c, String origin) {
        return c.client().preparedQuery("select origin_seq, origin_hash from audit_log where origin = $1 and origin_seq is not null "
                        + "order by origin_seq desc limit 1")
                .execute(Tuple.of(origin)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return new Origin(origin, 0L, null, AuditChain.GENESIS);
                    }
                    Row r = it.next();
                    return new Origin(origin, r.getLong("origin_seq"), null, r.getString("origin_hash"));
                });
    }

    /** The chain's head: its last position and hash. */
    public record Head(long seq, String hash) {
    }

    /** The chain's head now, or null while the log is empty. */
    public Uni<Head> head() {
        return pool.query("select seq, hash from audit_log order by seq desc limit 1").execute().map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row r = it.next();
            return new Head(r.getLong("seq"), r.getString("hash"));
        });
    }

    /** Entries in chain order after a position (verification, export). */
    public Uni<List<Stored>> after(long afterSeq, int limit) {
        return pool.preparedQuery("select * from audit_log where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, limit)).map(rows -> {
                    List<Stored> out = new ArrayList<>();
                    rows.forEach(r -> out.add(stored(r)));
                    return out;
                });
    }

    /** Search filters; blank ones are ignored. */
    public record Query(Instant from, Instant to, String actor, String category, String action, String recordId,
                        String origin, String outcome) {
    }

    /** One page of a search, newest first. */
    public Uni<List<Stored>> search(Query q, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (q.from() != null) {
            args.add(ts(q.from()));
            where.append(" and at >= $").append(args.size());
        }
        if (q.to() != null) {
            args.add(ts(q.to()));
            where.append(" and at < $").append(args.size());
        }
        eq(where, args, "actor", q.actor());
        eq(where, args, "category", q.category());
        eq(where, args, "origin", q.origin());
        eq(where, args, "outcome", q.outcome());
        eq(where, args, "record_id", q.recordId());
        if (q.action() != null && !q.action().isBlank()) {
            args.add("%" + q.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" and action like $").append(args.size());
        }
        args.add(limit);
        String lim = " limit $" + args.size();
        args.add(offset);
        String off = " offset $" + args.size();
        return pool.preparedQuery("select * from audit_log" + where + " order by seq desc" + lim + off)
                .execute(Tuple.from(args)).map(rows -> {
                    List<Stored> out = new ArrayList<>();
                    rows.forEach(r -> out.add(stored(r)));
                    return out;
                });
    }

    private static void eq(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            args.add(value);
            where.append(" and ").append(column).append(" = $").append(args.size());
        }
    }

    private static Stored stored(Row r) {
        AuditRecord rec = new AuditRecord(r.getLong("seq"), r.getUUID("id"), instant(r, "at"), r.getString("actor"),
                r.getString("actor_kind"), r.getString("action"), r.getString("category"), r.getString("outcome"),
                r.getString("source"), r.getString("record_type"), r.getString("record_id"), r.getString("detail"),
                r.getString("prev_hash"), r.getString("hash"));
        return new Stored(rec, new Origin(r.getString("origin"), r.getLong("origin_seq"), r.getString("origin_prev"),
                r.getString("origin_hash")), instant(r, "received_at"));
    }
}
