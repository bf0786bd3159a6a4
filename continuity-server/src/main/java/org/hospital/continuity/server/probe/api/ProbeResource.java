package org.hospital.continuity.server.probe.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.probe.app.ConfiguringProbes;
import org.hospital.continuity.server.probe.app.RunningProbes;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;
import org.jboss.resteasy.reactive.RestResponse;

/** Probes of HIS components: configured (added, edited, disabled) by IT administrators, read by everyone signed in, re-run by IT. */
@Path("/api/probes")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    private final ConfiguringProbes configuring;
    private final RunningProbes running;

    public ProbeResource(ConfiguringProbes configuring, RunningProbes running) {
        this.configuring = configuring;
        this.running = running;
    }

    public record NewProbe(@NotBlank @Size(max = 100) String name, @NotNull ProbeKind kind, @NotBlank @Size(max = 500) String target,
                           @NotNull Component component, @Size(max = 100) String series,
                           @Min(1000) @Max(86_400_000) int intervalMs, @Min(100) @Max(60_000) int timeoutMs,
                           @Size(max = 100) String area) {
    }

    /** {@code areaZh}/{@code areaEn}: the place in words (楼/层/区), null for the whole hospital (EP-4.1). */
    public record ProbeView(UUID id, String name, ProbeKind kind, String target, Component component, String series, long intervalMs,
                            long timeoutMs, boolean enabled, String lastStatus, String lastDetail, Instant lastRunAt, Instant lastChangeAt,
                            Instant nextRunAt, String area, String areaZh, String areaEn) {
        static ProbeView of(Probe p) {
            var place = Area.parse(p.area()).filter(a -> !a.isHospital());
            return new ProbeView(p.id(), p.name(), p.kind(), p.target(), p.component(), p.series(), p.interval().toMillis(),
                    p.timeout().toMillis(), p.enabled(), p.lastStatus().map(Enum::name).orElse(null), p.lastDetail(), p.lastRunAt(),
                    p.lastChangeAt(), p.nextRunAt(), p.area(), place.map(a -> a.name().zh()).orElse(null),
                    place.map(a -> a.name().en()).orElse(null));
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ProbeView>> add(@Valid @NotNull NewProbe p) {
        return configuring.add(p.name(), p.kind(), p.target(), p.component(), p.series(), Duration.ofMillis(p.intervalMs()),
                        Duration.ofMillis(p.timeoutMs()), p.area())
                .map(x -> RestResponse.ResponseBuilder.<ProbeView>created(URI.create("/api/probes/" + x.id())).entity(ProbeView.of(x)).build());
    }

    /** IT administrators correct a probe; the same fields and checks as a new one. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProbeView> update(@PathParam("id") UUID id, @Valid @NotNull NewProbe p) {
        return configuring.update(id, p.name(), p.kind(), p.target(), p.component(), p.series(), Duration.ofMillis(p.intervalMs()),
                Duration.ofMillis(p.timeoutMs()), p.area()).map(ProbeView::of);
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Uni<List<ProbeView>> all() {
        return configuring.all().map(l -> l.stream().map(ProbeView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    public Uni<ProbeView> get(@PathParam("id") UUID id) {
        return configuring.get(id).map(ProbeView::of);
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ProbeView> disable(@PathParam("id") UUID id) {
        return configuring.setEnabled(id, false).map(ProbeView::of);
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ProbeView> enable(@PathParam("id") UUID id) {
        return configuring.setEnabled(id, true).map(ProbeView::of);
    }

    /** IT checks again now. */
    @POST
    @Path("/{id}/run")
    @RolesAllowed(Roles.IT)
    public Uni<ProbeView> run(@PathParam("id") UUID id) {
        return running.runNow(id).map(ProbeView::of);
    }
}
