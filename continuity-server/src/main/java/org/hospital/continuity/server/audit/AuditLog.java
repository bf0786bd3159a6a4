package org.hospital.continuity.server.audit;

import io.smallrye.mutiny.Uni;
import org.hospital.continuity.server.platform.persistence.Tx;

/** HR-8: the hash-chained audit log other features write to (sign-ins, account changes). */
public interface AuditLog {

    /** What happened; {@code source} empty means "the current request's remote address". */
    record Event(String actor, String actorKind, String action, String category, String outcome, String source,
                 String recordType, String recordId, String detail) {
    }

    /** Appends in the caller's transaction (the chain lock is held until it commits). */
    Uni<Void> append(Tx tx, Event e);

    /** Appends in a transaction of its own; a failure is logged and does not fail the caller's answer. */
    Uni<Void> record(Event e);
}
