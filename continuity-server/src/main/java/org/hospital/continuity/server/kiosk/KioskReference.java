package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The reference data kiosks receive (HR-5, HR-10): which patients they know, and telling them it changed. */
public interface KioskReference {

    /** The ids of the patients in the kiosks' reference data. */
    Uni<Set<String>> knownPatients();

    /** The reference changed in the caller's transaction: kiosks fetch a new snapshot (its version is bumped). */
    Uni<Void> changed(Tx tx, Instant now);
}
