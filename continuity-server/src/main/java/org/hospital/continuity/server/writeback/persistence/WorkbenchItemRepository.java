package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The workbench items (V0700); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WorkbenchItemRepository implements PanacheRepositoryBase<WorkbenchItemEntity, UUID> {
}
