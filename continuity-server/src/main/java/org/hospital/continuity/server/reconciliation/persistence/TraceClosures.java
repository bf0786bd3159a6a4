package org.hospital.continuity.server.reconciliation.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hospital.continuity.server.platform.persistence.SessionContext;

/**
 * EP-6.7.5 traces closed on the workbench (the reconciliation feature's own table, V0740): who closed which trace and
 * why (HR-8). Closing again adds a row; the first closure of a trace counts. Blocking: call it from worker threads.
 */
@ApplicationScoped
public class TraceClosures {

    /** A closed trace: which, who, why, when. */
    public record TraceClosure(String traceKey, String actor, String why, Instant closedAt) {
    }

    private final TraceClosureRepository closures;

    public TraceClosures(TraceClosureRepository closures) {
        this.closures = closures;
    }

    private static <T> T session(Supplier<Uni<T>> work) {
        return SessionContext.await(() -> Panache.withSession(work::get));
    }

    private static <T> T transaction(Supplier<Uni<T>> work) {
        return SessionContext.await(() -> Panache.withTransaction(work::get));
    }

    /** EP-6.7.5: a person closes a trace with why (HR-8). */
    public void close(String incident, String traceKey, String actor, String why, Instant at) {
        TraceClosureEntity c = new TraceClosureEntity();
        c.id = UUID.randomUUID();
        c.incident = incident;
        c.traceKey = traceKey;
        c.actor = actor;
        c.why = why;
        c.closedAt = at;
        transaction(() -> closures.persist(c).replaceWithVoid());
    }

    /** The closed traces of an incident, the first closure of each. */
    public Map<String, TraceClosure> closed(String incident) {
        Map<String, TraceClosure> out = new LinkedHashMap<>();
        session(() -> closures.list("incident = ?1 order by closedAt, id", incident)).forEach(c ->
                out.putIfAbsent(c.traceKey, new TraceClosure(c.traceKey, c.actor, c.why, c.closedAt)));
        return out;
    }
}
