package org.hospital.continuity.server.platform.persistence;

import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks held until the transaction ends: one writer at a time for a piece of work across
 * instances (seeding, a roster post, a catalogue's snapshot), without a table to lock.
 */
public final class Locks {

    private Locks() {
    }

    /** Waits for the lock {@code key} in this transaction. */
    public static Uni<Void> exclusive(Tx tx, long key) {
        return tx.client().query("select pg_advisory_xact_lock(" + key + ")").execute().replaceWithVoid();
    }
}
