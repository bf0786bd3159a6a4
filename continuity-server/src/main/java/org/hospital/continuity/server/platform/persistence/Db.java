package org.hospital.continuity.server.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.function.Function;

/**
 * The database as app services see it: a {@link Tx} that runs each statement on its own (auto-commit), and the
 * way to run several statements in one transaction or on one connection. SQL stays in the stores.
 */
public final class Db extends Tx {

    private final Pool pool;

    public Db(Pool pool) {
        super(pool);
        this.pool = pool;
    }

    /** Runs {@code work} in one transaction: committed when its Uni succeeds, rolled back when it fails. */
    public <T> Uni<T> withTransaction(Function<Tx, Uni<T>> work) {
        return pool.withTransaction(c -> work.apply(Tx.of(c)));
    }

    /** Runs {@code work} on one connection without a transaction (a consistent series of reads). */
    public <T> Uni<T> withConnection(Function<Tx, Uni<T>> work) {
        return pool.withConnection(c -> work.apply(Tx.of(c)));
    }

    /** For stores only (persistence packages). */
    public Pool pool() {
        return pool;
    }
}
