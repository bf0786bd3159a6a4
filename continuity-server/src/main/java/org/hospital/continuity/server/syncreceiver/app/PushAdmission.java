package org.hospital.continuity.server.syncreceiver.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hospital.continuity.server.syncreceiver.config.SyncReceiverConfig;

/**
 * Backpressure: at most {@code max-concurrent-pushes} pushes are stored at once over all kiosks,
 * and one at a time per kiosk. A push that finds every slot taken waits in a short, bounded
 * queue (without blocking a thread) for a slot; when the queue is full or the wait runs out it is
 * refused at once and the kiosk is told when to come back (Retry-After). A second push of a kiosk
 * whose first is still being stored (a duplicated request) is refused at once.
 */
@ApplicationScoped
public class PushAdmission {

    /** Why a push may not enter now. */
    public enum Refusal {
        /** Every slot is taken and the waiting line is full or the wait ran out (503). */
        SERVER_BUSY,
        /** This kiosk already has a push being stored or waiting (429). */
        KIOSK_BUSY
    }

    private record Waiter(String kioskId, CompletableFuture<Boolean> slot) {
    }

    private final int limit;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Set<String> kiosks = new HashSet<>();
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int inFlight;

    public PushAdmission(SyncReceiverConfig config) {
        this.limit = config.maxConcurrentPushes();
        this.maxWaiting = config.maxWaitingPushes();
        this.maxWait = Duration.ofMillis(config.admissionWaitMillis());
    }

    /** Enters at once or refuses at once (null = entered; then {@link #leave} exactly once). */
    public synchronized Refusal tryEnter(String kioskId) {
        if (kiosks.contains(kioskId)) {
            return Refusal.KIOSK_BUSY;
        }
        if (inFlight >= limit) {
            return Refusal.SERVER_BUSY;
        }
        inFlight++;
        kiosks.add(kioskId);
        return null;
    }

    /** Enters, possibly after a short wait for a slot; the item is null when entered, else the refusal. */
    public Uni<Refusal> enter(String kioskId) {
        Waiter waiter;
        synchronized (this) {
            if (kiosks.contains(kioskId)) {
                return Uni.createFrom().item(Refusal.KIOSK_BUSY);
            }
            if (inFlight < limit) {
                inFlight++;
                kiosks.add(kioskId);
                return Uni.createFrom().nullItem();
            }
            if (waiting.size() >= maxWaiting) {
                return Uni.createFrom().item(Refusal.SERVER_BUSY);
            }
            kiosks.add(kioskId);
            waiter = new Waiter(kioskId, new CompletableFuture<>());
            waiting.add(waiter);
        }
        return Uni.createFrom().completionStage(waiter.slot())
                .ifNoItem().after(maxWait).recoverWithItem(() -> null)
                .map(granted -> {
                    if (granted != null) {
                        return null;
                    }
                    synchronized (this) {
                        if (waiting.remove(waiter)) {
                            kiosks.remove(kioskId);
                            return Refusal.SERVER_BUSY;
                        }
                    }
                    return null; // the slot was handed over just as the wait ran out
                });
    }

    /** Frees the kiosk's slot, handing it to the first waiting push if any. */
    public void leave(String kioskId) {
        Waiter next;
        synchronized (this) {
            kiosks.remove(kioskId);
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        next.slot().complete(Boolean.TRUE);
    }

    public synchronized int inFlight() {
        return inFlight;
    }
}
