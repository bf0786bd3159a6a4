package org.hospital.continuity.server.platform.persistence;

import io.quarkus.vertx.core.runtime.VertxCoreRecorder;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where Hibernate Reactive work runs. A Hibernate Reactive session (Panache) lives on a safe, duplicated Vert.x
 * context and is used by one operation at a time; a REST request has such a context, but a scheduled job, a
 * start-up observer, a Vert.x timer, a worker thread or another feature calling a port does not, or shares it with
 * concurrent work. A feature on Panache runs the work it is asked for by such callers on a context of its own:
 * {@link #call} for reactive callers, {@link #await} for blocking ones (never on the event loop).
 */
public final class SessionContext {

    private SessionContext() {
    }

    /** Runs {@code work} on a fresh safe duplicated context (its own Panache session), answering where it completes. */
    public static <T> Uni<T> call(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context fresh = fresh();
            fresh.runOnContext(ignored -> {
                Uni<T> uni;
                try {
                    uni = work.get();
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
                uni.subscribe().with(emitter::complete, emitter::fail);
            });
        });
    }

    /** Blocking callers (worker threads, start-up): runs {@code work} on a fresh context and waits at most {@code limit}. */
    public static <T> T await(Supplier<Uni<T>> work, Duration limit) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("SessionContext.await must not be called on an event loop");
        }
        return call(work).await().atMost(limit);
    }

    /** Blocking callers: {@link #await(Supplier, Duration)} with a minute's limit. */
    public static <T> T await(Supplier<Uni<T>> work) {
        return await(work, Duration.ofMinutes(1));
    }

    private static Context fresh() {
        Context current = Vertx.currentContext();
        // a new duplicate of the caller's event-loop context, or of a new one for callers outside Vert.x
        Context ctx = current != null ? VertxContext.createNewDuplicatedContext(current)
                : VertxContext.getOrCreateDuplicatedContext(VertxCoreRecorder.getVertx().get());
        VertxContextSafetyToggle.setContextSafe(ctx, true);
        return ctx;
    }
}
