package org.hospital.continuity.server.probe.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;
import org.hospital.continuity.server.probe.persistence.ProbeRepository;

/** IT administrators add, edit, enable and disable probes (never deleted: their history stays readable). */
@ApplicationScoped
public class ConfiguringProbes {

    private final ProbeRepository store;
    private final InstantSource clock;

    public ConfiguringProbes(ProbeRepository store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    public Uni<Probe> add(String name, ProbeKind kind, String target, Component component, String series, Duration interval, Duration timeout) {
        return add(name, kind, target, component, series, interval, timeout, null);
    }

    /** A probe of a component that alone serves {@code area} (a building/floor/ward path, EP-4.1), or of the whole hospital (null). */
    public Uni<Probe> add(String name, ProbeKind kind, String target, Component component, String series, Duration interval, Duration timeout,
                          String area) {
        var misfit = Probe.misfit(kind, target, interval, timeout);
        if (misfit.isPresent()) {
            return Uni.createFrom().failure(new DomainRejection(422, "probe-invalid", null, misfit.get()));
        }
        java.util.Optional<org.hospital.continuity.playbooks.fault.Area> place = org.hospital.continuity.playbooks.fault.Area.parse(area);
        if (area != null && !area.isBlank() && place.isEmpty()) {
            return Uni.createFrom().failure(new DomainRejection(422, "probe-invalid", "EP-4.1",
                    "A probe's area is a building/floor/ward path such as B or B/3."));
        }
        UUID id = UUID.randomUUID();
        return store.add(id, name, kind, target, component, series == null ? target : series, interval, timeout, clock.instant(),
                        place.map(org.hospital.continuity.playbooks.fault.Area::path).orElse(null))
                .chain(ok -> ok ? store.byId(id)
                        : Uni.createFrom().failure(DomainRejection.conflict("probe-exists", null, "A probe named " + name + " exists.")));
    }

    public Uni<List<Probe>> all() {
        return store.all();
    }

    public Uni<Probe> get(UUID id) {
        return store.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Probe " + id));
    }

    public Uni<Probe> setEnabled(UUID id, boolean enabled) {
        return store.setEnabled(id, enabled, clock.instant()).chain(ok -> ok ? store.byId(id)
                : Uni.createFrom().failure(DomainRejection.notFound("Probe " + id)));
    }

    /** IT administrators correct a probe (target, schedule, component, area); the same checks as a new one. */
    public Uni<Probe> update(UUID id, String name, ProbeKind kind, String target, Component component, String series, Duration interval,
                             Duration timeout, String area) {
        var misfit = Probe.misfit(kind, target, interval, timeout);
        if (misfit.isPresent()) {
            return Uni.createFrom().failure(new DomainRejection(422, "probe-invalid", null, misfit.get()));
        }
        java.util.Optional<org.hospital.continuity.playbooks.fault.Area> place = org.hospital.continuity.playbooks.fault.Area.parse(area);
        if (area != null && !area.isBlank() && place.isEmpty()) {
            return Uni.createFrom().failure(new DomainRejection(422, "probe-invalid", "EP-4.1",
                    "A probe's area is a building/floor/ward path such as B or B/3."));
        }
        return store.update(id, name, kind, target, component, series == null || series.isBlank() ? target : series, interval, timeout,
                        place.map(org.hospital.continuity.playbooks.fault.Area::path).orElse(null), clock.instant())
                .chain(ok -> ok == null ? Uni.createFrom().failure(DomainRejection.notFound("Probe " + id))
                        : ok ? store.byId(id)
                        : Uni.createFrom().failure(DomainRejection.conflict("probe-exists", null, "A probe named " + name + " exists.")));
    }
}
