package org.hospital.continuity.kiosk.enrolment.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;

/**
 * HR-12, docs/security.md "Key handling": once enrolled, and every {@code continuity.key.refresh-interval} while the server
 * answers, the kiosk's data key is kept wrapped with the key the server holds for this kiosk. The first round after the
 * update replaces an existing kiosk's clear key file (migration); later rounds check the wrap and drop people's ended wraps.
 */
@ApplicationScoped
public class KeepingKeyWrapped {

    private final EnrolledKiosk enrolled;
    private final KioskKey key;

    public KeepingKeyWrapped(EnrolledKiosk enrolled, KioskKey key) {
        this.enrolled = enrolled;
        this.key = key;
    }

    @Scheduled(every = "{continuity.key.refresh-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            wrap();
        } catch (RuntimeException e) {
            Log.warnf("kiosk data key not wrapped this round: %s", e.getMessage());
        }
    }

    /** Wraps (or checks the wrap of) the data key with the server's key; false before enrolment, offline or while locked. */
    public boolean wrap() {
        if (enrolled.identity().isEmpty() || !key.open()) {
            return false;
        }
        KioskIdentity k = enrolled.identity().get();
        return key.wrapWithServer(k.kioskId(), k.serverUrl(), enrolled.credential());
    }
}
