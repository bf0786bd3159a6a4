package org.hospital.continuity.server.reconciliation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The closed traces of the workbench; {@link TraceClosures} works on them. */
@ApplicationScoped
@WithSession
public class TraceClosureRepository implements PanacheRepositoryBase<TraceClosureEntity, UUID> {
}
