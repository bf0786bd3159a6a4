package org.hospital.continuity.server.directory.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Sql;

/** Shift handovers (HR-16), never changed. */
@ApplicationScoped
@WithSession
public class HandoverRepository implements PanacheRepositoryBase<DutyHandoverEntity, UUID> {

    Uni<Void> add(UUID id, UUID shiftId, UUID personId, String workDone, String openProblems, Instant now) {
        DutyHandoverEntity h = new DutyHandoverEntity();
        h.id = id;
        h.shiftId = shiftId;
        h.recordedBy = personId;
        h.workDone = workDone;
        h.openProblems = openProblems;
        h.recordedAt = Sql.stored(now);
        return persistAndFlush(h).replaceWithVoid();
    }
}
