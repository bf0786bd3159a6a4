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
        return add(id, name, kind, target, component, series, interval, timeout, now, null);
    }

    /** A new probe; {@code area} the place the component alone serves (null: the whole hospital). False when the name exists. */
    public Uni<Boolean> add(UUID id, String name, ProbeKind kind, String target, Component component, String series, Duration interval,
                            Duration timeout, Instant now, String area) {
        ProbeEntity p = new ProbeEntity();
        p.id = id;
        p.name = name;
        p.kind = kind;
        p.target = target;
        p.component = component;
        p.series = series;
        p.area = area;
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

    /**
     * Changes a probe's configuration (one statement: the lease and the last result are left alone), due now so the change is
     * checked at once. Null when there is no such probe, false when another probe has the name.
     */
    public Uni<Boolean> update(UUID id, String name, ProbeKind kind, String target, Component component, String series, Duration interval,
                               Duration timeout, String area, Instant now) {
        return Panache.withTransaction(() -> count("name = ?1 and id <> ?2", name, id).chain(n -> n > 0 ? Uni.createFrom().item(false)
                        : update("name = ?1, kind = ?2, target = ?3, component = ?4, series = ?5, intervalMs = ?6, timeoutMs = ?7, area = ?8,"
                                        + " nextRunAt = ?9 where id = ?10", name, kind, target, component, series, (int) interval.toMillis(),
                                (int) timeout.toMillis(), area, Sql.stored(now), id).map(u -> u == 1 ? Boolean.TRUE : null)))
                .onFailure(Constraints::uniqueViolation).recoverWithItem(false);
    }
}
