package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Corrections waiting for a second person (HR-9); {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WorkbenchCorrectionRequestRepository implements PanacheRepositoryBase<WorkbenchCorrectionRequestEntity, UUID> {
}
