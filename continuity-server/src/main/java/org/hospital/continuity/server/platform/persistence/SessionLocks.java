package org.hospital.continuity.server.platform.persistence;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A PostgreSQL advisory lock held on a connection of its own for the length of some blocking work (not one
 * transaction): one instance at a time does it, the others skip. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class SessionLocks {

    private final Pool pool;

    public SessionLocks(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} while holding lock {@code key}; empty, without running it, when another holder has it. */
    public <T> Optional<T> tryExclusively(long key, Supplier<T> work) {
        SqlConnection c = pool.getConnection().await().indefinitely();
        try {
            boolean got = c.preparedQuery("select pg_try_advisory_lock($1) as got").execute(Tuple.of(key))
                    .await().indefinitely().iterator().next().getBoolean("got");
            if (!got) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                c.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(key)).await().indefinitely();
            }
        } finally {
            c.close().await().indefinitely();
        }
    }
}
