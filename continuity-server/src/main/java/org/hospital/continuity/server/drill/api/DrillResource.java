package org.hospital.continuity.server.drill.api;

import org.hospital.continuity.server.drill.app.DrillViews;
import org.hospital.continuity.server.drill.CurrentDrill;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.server.drill.app.DrillScenarios;
import org.hospital.continuity.server.drill.app.PurgingDrills;
import org.hospital.continuity.server.drill.app.ReportingDrills;
import org.hospital.continuity.server.drill.app.RunningDrills;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.drill.persistence.DrillStore.DrillRow;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.ResponseStatus;

/** EP-9.4, HR-21: drills — start one from a scenario, follow it, stop it, read its report, purge its data. */
@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
public class DrillResource {

    public record ScenarioView(String id, String titleZh, String titleEn, long spanMinutes, int signals) {
        static ScenarioView of(Scenario s) {
            Duration span = s.inputs().isEmpty() ? Duration.ZERO : Duration.between(s.start(), s.inputs().get(s.inputs().size() - 1).at());
            return new ScenarioView(s.id(), s.title().zh(), s.title().en(), span.toMinutes(), s.inputs().size());
        }
    }

    public record DrillView(UUID id, String scenarioId, String titleZh, String titleEn, int factor, String status, Instant startedAt,
                            Instant endedAt, Instant engineEndedAt, UUID incidentId, String startedBy, String endedBy, String endReason, boolean reportStored,
                            Instant purgedAt) {
        static DrillView of(DrillRow d) {
            return new DrillView(d.id(), d.scenarioId(), d.titleZh(), d.titleEn(), d.factor(), d.status(), d.realStartedAt(), d.realEndedAt(),
                    d.engineEndedAt(), d.incidentId(), d.startedBy(), d.endedBy(), d.endReason(), d.report() != null, d.purgedAt());
        }
    }

    /** A shipped scenario by id, or a custom one as YAML (the playbooks' scenario format); factor 60 = an hour a minute. */
    public record StartRequest(@Size(max = 100) String scenario, @Size(max = 100_000) String scenarioYaml,
                               @NotNull @Min(1) @Max(3600) Integer factor) {
    }

    public record StopRequest(@Size(max = 500) String reason) {
    }

    public record PurgeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final RunningDrills running;
    private final DrillScenarios scenarios;
    private final ReportingDrills reports;
    private final PurgingDrills purging;
    private final DrillStore store;
    private final SecurityIdentity identity;

    public DrillResource(RunningDrills running, DrillScenarios scenarios, ReportingDrills reports, PurgingDrills purging, DrillStore store,
                         SecurityIdentity identity) {
        this.running = running;
        this.scenarios = scenarios;
        this.reports = reports;
        this.purging = purging;
        this.store = store;
        this.identity = identity;
    }

    private String me() {
        Staff s = Staff.of(identity);
        return s == null ? identity.getPrincipal().getName() : s.personName();
    }

    @GET
    @Path("/scenarios")
    @RolesAllowed(Roles.READER)
    public List<ScenarioView> scenarios() {
        return scenarios.shipped().stream().map(ScenarioView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.IT)
    @ResponseStatus(201)
    public Uni<DrillView> start(@Valid @NotNull StartRequest r) {
        Scenario s;
        if (r.scenarioYaml() != null && !r.scenarioYaml().isBlank()) {
            s = scenarios.parse(r.scenarioYaml());
        } else if (r.scenario() != null) {
            s = scenarios.byId(r.scenario()).orElseThrow(() -> DomainRejection.notFound("Scenario " + r.scenario()));
        } else {
            throw new DomainRejection(422, "scenario-required", "EP-9.4", "Name a scenario or give one as YAML.");
        }
        return running.start(s, r.factor(), me()).map(DrillView::of);
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Uni<List<DrillView>> list() {
        return store.list(50).map(l -> l.stream().map(DrillView::of).toList());
    }

    /** The drill running now (kiosks show their drill banner from it). */
    @GET
    @Path("/current")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<CurrentDrill> current() {
        return running.current().map(DrillViews::current);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    public Uni<DrillView> get(@PathParam("id") UUID id) {
        return store.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Drill " + id)).map(DrillView::of);
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.IT)
    public Uni<DrillView> stop(@PathParam("id") UUID id, @Valid StopRequest r) {
        return running.stop(id, me(), r == null ? null : r.reason()).map(DrillView::of);
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed(Roles.READER)
    public Uni<JsonObject> report(@PathParam("id") UUID id) {
        return reports.report(id);
    }

    /** Recomputes the report and stores it with the drill (the copy a purge keeps). */
    @POST
    @Path("/{id}/report")
    @RolesAllowed(Roles.IT)
    public Uni<JsonObject> writeReport(@PathParam("id") UUID id) {
        return reports.writeReport(id);
    }

    @POST
    @Path("/{id}/purge")
    @RolesAllowed(Roles.ADMIN)
    public Uni<PurgingDrills.Purge> purge(@PathParam("id") UUID id, @Valid @NotNull PurgeRequest r) {
        return purging.purge(id, me(), r.reason());
    }
}
