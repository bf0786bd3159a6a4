package org.hospital.continuity.server.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks held until the transaction ends: one writer at a time for a piece of work across
 * instances (seeding, a roster post, a catalogue's snapshot), without a table to lock.
 */
public final class Locks {

    private Locks() {
    }

    /** Waits for the lock {@code key} in this transaction of the reactive SQL client. */
    public static Uni<Void> exclusive(Tx tx, long key) {
        return tx.client().query("select pg_advisory_xact_lock(" + key + ")").execute().replaceWithVoid();
    }

    /**
     * Waits for the lock {@code key} in the transaction of the current Hibernate Reactive session (inside
     * {@code @WithTransaction}); the same lock space as {@link #exclusive(Tx, long)}.
     */
    public static Uni<Void> exclusive(long key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) l")
                .setParameter(1, key).getSingleResult()).replaceWithVoid();
    }
}
