package org.hospital.continuity.server.kiosk.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.hospital.continuity.server.kiosk.KioskReference;
import org.hospital.continuity.server.kiosk.persistence.ReferenceRepository;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The kiosk reference's answer to {@link KioskReference}. */
@ApplicationScoped
public class AnsweringForReference implements KioskReference {

    private final ReferenceRepository reference;

    public AnsweringForReference(ReferenceRepository reference) {
        this.reference = reference;
    }

    @Override
    public Uni<Set<String>> knownPatients() {
        return reference.knownPatients();
    }

    @Override
    public Uni<Void> changed(Tx tx, Instant now) {
        return reference.bumpVersion(tx, now);
    }
}
