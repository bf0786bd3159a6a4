package org.hospital.continuity.kiosk.audit.app;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.audit.persistence.AuditLogTable;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.kiosk.session.SessionEvent;
import org.hospital.continuity.sync.audit.AuditCategories;
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

    /**
     * The chain's check: {@code intact} when every entry continues the chain <b>and</b> the chain holds the latest signed
     * checkpoint ({@code checkpointSeq}, {@code checkpointAt}; {@code checkpointReason} says why not: truncated, rewritten,
     * not signed with this kiosk's key).
     */
    public record Report(boolean intact, long entries, String headHash, Long brokenAt, String reason, Long checkpointSeq,
                         java.time.Instant checkpointAt, String checkpointReason) {
    }

    private final KioskDatabase database;
    private final AuditLogTable table;
    private final InstantSource clock;
    /**
     * The chain's head (last seq and hash) as the writer connection sees it, so that an append needs no
     * {@code select}; touched only inside the writer's transactions and dropped (re-read) on any rollback.
     */
    private volatile AuditLogTable.ChainHead head;

    private final KioskAuditAnchor anchor;

    public KioskAuditLog(KioskDatabase database, AuditLogTable table, InstantSource clock, KioskAuditAnchor anchor) {
        this.anchor = anchor;
        this.database = database;
        this.table = table;
        this.clock = clock;
        database.onRollback(() -> head = null);
    }

    /** HR-8: sign-ins, refusals and sign-outs with the account (announced by the session feature). */
    void onSession(@Observes SessionEvent e) {
        append(new Event("ANONYMOUS".equals(e.actorKind()) ? "anonymous" : e.accountId(), e.actorKind(), e.action(),
                AuditCategories.LOGIN, e.outcome(), "account", e.accountId(), e.detail()));
    }

    /**
     * Appends in a transaction of its own; a failure is logged and does not fail what was audited. The
     * client address is taken here, on the request's thread (the writer thread has no request).
     */
    public void append(Event e) {
        String source = currentSource();
        try {
            database.transaction(tx -> appendIn(tx, e, source));
        } catch (RuntimeException ex) {
            Log.errorf("kiosk audit entry not written action=%s: %s", e.action(), ex.getClass().getSimpleName());
        }
    }

    /**
     * Appends inside the caller's transaction on the writer connection (the kiosk has one, so the chain
     * is never raced); {@code source} is the client address, "" when there is no request.
     */
    public AuditRecord appendIn(WriteTransaction transaction, Event e, String source) {
        AuditLogTable.ChainHead h = head;
        if (h == null) {
            h = table.head(transaction).orElse(new AuditLogTable.ChainHead(0, AuditChain.GENESIS));
        }
        AuditRecord r = AuditRecord.of(clock.instant(), e.actor(), e.actorKind(), e.action(), e.category(), e.outcome(),
                source == null ? "" : source, e.recordType(), e.recordId(), e.detail()) // texts clipped by AuditRecord.of
                .chainedAfter(h.seq() + 1, h.hash());
        table.insert(transaction, r);
        head = new AuditLogTable.ChainHead(r.seq(), r.hash());
        return r;
    }

    /** Entries after a position, in chain order. */
    public List<AuditRecord> after(long afterSeq, int limit) {
        return table.after(afterSeq, limit);
    }

    /** Newest first, one page. */
    public List<AuditRecord> page(int page, int size) {
        return table.page(page, size);
    }

    public Report verify() {
        Optional<org.hospital.continuity.sync.audit.AuditAnchor.Checkpoint> checkpoint = anchor.latest();
        long atCheckpoint = checkpoint.map(org.hospital.continuity.sync.audit.AuditAnchor.Checkpoint::seq).orElse(-1L);
        String hashAtCheckpoint = null;
        long lastSeq = 0;
        AuditChain.Walker w = new AuditChain.Walker();
        long after = 0;
        while (true) {
            List<AuditRecord> batch = after(after, 1000);
            for (AuditRecord r : batch) {
                w.next(r);
                lastSeq = r.seq();
                if (r.seq() == atCheckpoint) {
                    hashAtCheckpoint = r.hash();
                }
            }
            if (batch.size() < 1000) {
                break;
            }
            after = batch.get(batch.size() - 1).seq();
        }
        Optional<AuditChain.Break> b = w.firstBreak();
        // HR-9: the chain must still hold its latest signed checkpoint (truncation of the newest entries shows)
        String checkpointReason = null;
        if (checkpoint.isPresent()) {
            try {
                checkpointReason = anchor.compare(checkpoint.get(), lastSeq, hashAtCheckpoint).reason();
            } catch (org.hospital.continuity.kiosk.platform.api.KioskRejection locked) {
                checkpointReason = "the checkpoint cannot be checked while the kiosk's data key is locked";
            }
        }
        return new Report(b.isEmpty() && checkpointReason == null, w.count(), w.lastHash(), b.map(AuditChain.Break::seq).orElse(null),
                b.map(AuditChain.Break::reason).orElse(null), checkpoint.map(c -> c.seq()).orElse(null),
                checkpoint.map(c -> c.at()).orElse(null), checkpointReason);
    }

    /** Up to which position the server holds this kiosk's entries. */
    public long storedThrough() {
        return table.storedThrough();
    }

    public void shipped(long storedThrough) {
        table.shipped(storedThrough, clock.instant());
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
