package org.hospital.continuity.server.writeback.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hospital.continuity.server.writeback.WriteBackFigures;

/** The write-back's answer to {@link WriteBackFigures}, from its own tables. */
@ApplicationScoped
public class WriteBackFiguresStore implements WriteBackFigures {

    private final Pool pool;

    public WriteBackFiguresStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Progress> progressOf(UUID incident) {
        return pool.preparedQuery("""
                select (select count(*) from writeback_visit where incident = $1) as written,
                       (select max(written_at) from writeback_visit where incident = $1) as last_written,
                       (select count(*) from workbench_item where incident = $1) as items,
                       (select count(*) from workbench_item where incident = $1 and resolved_at is null) as open,
                       (select max(resolved_at) from workbench_item where incident = $1) as last_resolved""")
                .execute(Tuple.of(incident.toString())).map(rows -> {
                    Row r = rows.iterator().next();
                    return new Progress(r.getLong("written"), r.getLong("items"), r.getLong("open"), instant(r, "last_written"),
                            instant(r, "last_resolved"));
                });
    }
}
