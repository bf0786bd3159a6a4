package org.hospital.continuity.server.syncreceiver.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wakes the relay's waiting readers when a push stored something on this instance. A reader also looks again every
 * second on its own (a push stored by another server instance, a transaction that was still running at its last read).
 */
@ApplicationScoped
public class RelayWakeUps {

    private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());

    /** Completes at the next push stored after this call. */
    public CompletableFuture<Void> next() {
        return next.get();
    }

    /** A push was stored: wake every reader waiting now. */
    public void stored() {
        next.getAndSet(new CompletableFuture<>()).complete(null);
    }
}
