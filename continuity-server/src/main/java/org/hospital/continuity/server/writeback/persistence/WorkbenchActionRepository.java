package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The actions taken on workbench items (HR-8, HR-9); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WorkbenchActionRepository implements PanacheRepositoryBase<WorkbenchActionEntity, UUID> {
}
