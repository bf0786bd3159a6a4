package org.hospital.continuity.server.platform.persistence;

import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.Objects;

/**
 * Where a store runs its statements: a transaction, a connection, or the pool (each statement on its own). Outside
 * persistence packages it is opaque: an app service opens a transaction ({@link Db#withTransaction}) and hands
 * the {@code Tx} to the stores of its feature, or to another feature's port that must join the same transaction
 * (the incident engine's lock, a drill linked to the incident it opens). Only a store reads {@link #client()}.
 */
public class Tx {

    private final SqlClient client;

    Tx(SqlClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public static Tx of(SqlClient client) {
        return new Tx(client);
    }

    /** For stores only (persistence packages): the SQL client to run statements on. */
    public SqlClient client() {
        return client;
    }
}
