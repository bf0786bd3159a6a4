package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The reads of patient data through the workbench (HR-12); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WorkbenchReadRepository implements PanacheRepositoryBase<WorkbenchReadEntity, UUID> {
}
