package org.hospital.continuity.server.directory.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Tx;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * The one directory write that joins another feature's transaction on the reactive SQL client: the initial
 * administrator's person, created with its account and audit entry (HR-8). A Hibernate Reactive session cannot
 * join a transaction it did not begin, so this statement runs on the caller's {@link Tx}.
 */
@ApplicationScoped
public class PersonRows {

    public Uni<Void> add(Tx tx, UUID id, String name, String department, Set<StaffRole> roles, Instant now) {
        return tx.client().preparedQuery("insert into person (id, name, department_code, roles, active, created_at, updated_at)"
                        + " values ($1, $2, $3, $4, true, $5, $5)")
                .execute(Tuple.of(id, name, department, StaffRole.csv(roles), ts(now))).replaceWithVoid();
    }
}
