package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The reads of an incident's traces and HIS searches (HR-12); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WorkbenchTraceReadRepository implements PanacheRepositoryBase<WorkbenchTraceReadEntity, UUID> {
}
