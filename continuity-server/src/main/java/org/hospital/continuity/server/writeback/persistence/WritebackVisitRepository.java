package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The the visits written into the HIS (read by the workbench); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WritebackVisitRepository implements PanacheRepositoryBase<WritebackVisitEntity, UUID> {
}
