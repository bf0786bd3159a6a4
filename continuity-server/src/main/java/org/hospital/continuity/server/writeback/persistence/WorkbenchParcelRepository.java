package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The parcels of the workbench queue (EP-8.5); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WorkbenchParcelRepository implements PanacheRepositoryBase<WorkbenchParcelEntity, UUID> {
}
