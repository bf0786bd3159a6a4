package org.hospital.continuity.kiosk.enrolment.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolLevel;

/**
 * Keeps the reference data ready for the day the network dies: while the server answers, the
 * kiosk pulls a fresh snapshot every {@code continuity.reference.refresh-interval} (so prices, the
 * census and the staff verifiers — new passwords, withdrawn accounts — are current) and asks for
 * another number block of every pool that runs low. Offline, nothing happens and the banner shows
 * the snapshot's age.
 */
@ApplicationScoped
public class KeepingReferenceFresh {

    /** What one round did. */
    public record Round(boolean refreshed, List<String> refilled) {
    }

    private final EnrolledKiosk enrolled;
    private final EnrollingKiosk enrolling;
    private final NumberPools pools;

    public KeepingReferenceFresh(EnrolledKiosk enrolled, EnrollingKiosk enrolling, NumberPools pools) {
        this.enrolled = enrolled;
        this.enrolling = enrolling;
        this.pools = pools;
    }

    @Scheduled(every = "{continuity.reference.refresh-interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        keepFresh();
    }

    /** Refreshes the snapshot and refills low pools now; a server that does not answer is normal. */
    public Round keepFresh() {
        if (enrolled.identity().isEmpty()) {
            return new Round(false, List.of());
        }
        boolean refreshed;
        try {
            enrolling.refreshSnapshot();
            refreshed = true;
        } catch (KioskRejection offline) {
            Log.debugf("snapshot not refreshed: %s", offline.getMessage());
            return new Round(false, List.of());
        }
        List<String> refilled = new ArrayList<>();
        for (PoolLevel level : pools.levels()) {
            if (level.low() || level.empty()) {
                try {
                    enrolling.refill(level.pool());
                    refilled.add(level.pool().name());
                } catch (KioskRejection refused) {
                    Log.infof("pool %s not refilled: %s", level.pool(), refused.getMessage());
                }
            }
        }
        return new Round(refreshed, List.copyOf(refilled));
    }
}
