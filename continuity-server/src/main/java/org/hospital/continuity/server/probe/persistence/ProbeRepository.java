package org.hospital.continuity.server.probe.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.server.platform.persistence.Constraints;
import org.hospital.continuity.server.platform.persistence.Sql;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;

/** The probes' configuration: added, enabled and disabled by IT administrators, never deleted (their history stays readable). */
@ApplicationScoped
@WithSession
public class ProbeRepository implements PanacheRepositoryBase<ProbeEntity, UUID> {

    public Uni<List<Probe>> all() {
        return listAll(Sort.by("name")).map(l -> l.stream().map(ProbeEntity::toRecord).toList());
    }

    /** A probe, or null. */
    public Uni<Probe> byId(UUID id) {
        return findById(id).map(p -> p == null ? null : p.toRecord());
    }

    /** Adds an enabled probe due now, in a transaction of its own; false when the name is taken. */
    public Uni<Boolean> add(UUID id, String name, ProbeKind kind, String target, Component component, String series, Duration interval,
                            Duration timeout, Instant now) {
        ProbeEntity p = new ProbeEntity();
        p.id = id;
        p.name = name;
        p.kind = kind;
        p.target = target;
        p.component = component;
        p.series = series;
        p.intervalMs = (int) interval.toMillis();
        p.timeoutMs = (int) timeout.toMillis();
        p.enabled = true;
        p.nextRunAt = Sql.stored(now);
        p.createdAt = p.nextRunAt;
        return Panache.withTransaction(() -> count("name", name).chain(n -> n > 0 ? Uni.createFrom().item(false)
                        : persist(p).replaceWith(true)))
                .onFailure(Constraints::uniqueViolation).recoverWithItem(false);
    }

    /** Enables or disables a probe, due now (one statement: the lease columns are left alone); false when there is none. */
    @WithTransaction
    public Uni<Boolean> setEnabled(UUID id, boolean enabled, Instant now) {
        return update("enabled = ?1, nextRunAt = ?2 where id = ?3", enabled, now, id).map(n -> n == 1);
    }
}
