package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The the HIS patients people chose for visits; {@link WorkbenchStore} works on them. */
@ApplicationScoped
@WithSession
public class WritebackDecisionRepository implements PanacheRepositoryBase<WritebackDecisionEntity, UUID> {
}
