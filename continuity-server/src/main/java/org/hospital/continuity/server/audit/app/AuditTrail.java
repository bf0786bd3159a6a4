package org.hospital.continuity.server.audit.app;

import org.hospital.continuity.server.audit.AuditLog;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import org.hospital.continuity.server.audit.persistence.AuditStore;
import org.hospital.continuity.sync.audit.AuditRecord;

/**
 * Writes the audit log (HR-8): who, what, when, from where, on which record. Callers that change data append in
 * their own transaction ({@link #append}), so the entry exists exactly when the change does; the request
 * filter records after the fact in its own transaction ({@link #record}). Never patient data in an entry
 * (record ids only, HR-12).
 */
@ApplicationScoped
public class AuditTrail implements AuditLog {

    private final AuditStore store;
    private final InstantSource clock;
    private final AuditConfig config;

    public AuditTrail(AuditStore store, InstantSource clock, AuditConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /** What the request filter audits. */
    public AuditConfig config() {
        return config;
    }

    /** Appends in the caller's transaction (the chain lock is held until it commits). */
    @Override
    public Uni<Void> append(Tx tx, Event e) {
        return store.append(tx, toRecord(e), AuditStore.Origin.SERVER).replaceWithVoid();
    }

    /** Appends in a transaction of its own; a failure is logged and does not fail the caller's answer. */
    @Override
    public Uni<Void> record(Event e) {
        AuditRecord r = toRecord(e);
        return store.pool().withTransaction(tx -> store.append(tx, r, AuditStore.Origin.SERVER)).replaceWithVoid()
                .onFailure().recoverWithUni(t -> {
                    Log.errorf("audit entry not written id=%s action=%s: %s", r.id(), r.action(), t.getClass().getSimpleName());
                    return Uni.createFrom().voidItem();
                });
    }

    private AuditRecord toRecord(Event e) {
        String source = e.source() == null || e.source().isBlank() ? currentSource() : e.source();
        return AuditRecord.of(clock.instant(), e.actor(), e.actorKind(), e.action(), e.category(), e.outcome(), source,
                e.recordType(), e.recordId(), e.detail()); // clipped to the fields' limits by AuditRecord.of
    }

    /** The remote address of the request being served, or empty outside a request. */
    public static String currentSource() {
        try {
            var container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return "";
            }
            RoutingContext rc = container.instance(CurrentVertxRequest.class).get().getCurrent();
            return rc == null ? "" : address(rc);
        } catch (RuntimeException e) {
            return "";
        }
    }

    public static String address(RoutingContext rc) {
        var a = rc.request().remoteAddress();
        return a == null ? "" : a.hostAddress();
    }
}
