package org.hospital.continuity.server.syncreceiver.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.continuity.server.syncreceiver.config.SyncReceiverConfig;

/**
 * Backpressure: how many pushes are being stored now, over all kiosks and per kiosk. Never
 * blocks: a push that cannot enter is answered at once with Retry-After and the kiosk waits.
 */
@ApplicationScoped
public class PushAdmission {

    /** Why a push may not enter now. */
    public enum Refusal {
        /** The server is storing as many pushes as it allows (503). */
        SERVER_BUSY,
        /** This kiosk already has a push being stored, e.g. a duplicated request (429). */
        KIOSK_BUSY
    }

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> kiosksInFlight = ConcurrentHashMap.newKeySet();

    public PushAdmission(SyncReceiverConfig config) {
        this.limit = config.maxConcurrentPushes();
    }

    /** Enters, or says why not (null = entered; then {@link #leave} exactly once). */
    public Refusal tryEnter(String kioskId) {
        if (!kiosksInFlight.add(kioskId)) {
            return Refusal.KIOSK_BUSY;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            kiosksInFlight.remove(kioskId);
            return Refusal.SERVER_BUSY;
        }
        return null;
    }

    public void leave(String kioskId) {
        inFlight.decrementAndGet();
        kiosksInFlight.remove(kioskId);
    }

    public int inFlight() {
        return inFlight.get();
    }
}
