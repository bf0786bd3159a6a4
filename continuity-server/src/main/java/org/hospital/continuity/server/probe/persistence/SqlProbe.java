package org.hospital.continuity.server.probe.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The SQL probe (EP-3.1: the HIS database server answers): connects to the probed PostgreSQL and runs its query,
 * {@code select 1} unless the target names one after {@code #} (one SELECT, run in a read-only transaction). The probe feature's only SQL client, so it lives
 * with SQL, not with the HTTP, TCP and ping checks.
 */
@ApplicationScoped
public class SqlProbe {

    private final Vertx vertx;

    public SqlProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    /** What the probed database answered ("n row(s)"); a failure when it could not connect or the query failed. */
    public Uni<String> check(String target, Duration timeout) {
        PgConnectOptions options = PgConnectOptions.fromUri(target.contains("#") ? target.substring(0, target.indexOf('#')) : target);
        options.setConnectTimeout((int) timeout.toMillis());
        String query = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "select 1";
        // a read-only transaction whatever the query (the definition was checked to be one SELECT, see Probe)
        return PgConnection.connect(vertx, options).chain(conn -> conn.query("start transaction read only").execute()
                .chain(() -> conn.query(query).execute())
                .map(rows -> rows.size() + " row(s)")
                .eventually(() -> conn.query("rollback").execute().onFailure().recoverWithNull())
                .eventually(conn::close));
    }
}
