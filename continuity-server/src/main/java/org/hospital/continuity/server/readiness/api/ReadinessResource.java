package org.hospital.continuity.server.readiness.api;

import org.hospital.continuity.server.drill.CurrentDrill;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.readiness.app.WatchingReadiness;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;

/** Kiosk readiness for IT: every kiosk's verdict now ({@code GET /api/readiness}); kiosks report through {@link KioskReadinessResource}. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    public record PoolReport(@NotBlank @Size(max = 20) String pool, @Min(0) long remaining, Instant earliestExpiry) {
    }

    public record KioskReport(@NotNull Instant kioskClock, @Size(max = 60) String softwareVersion, Integer snapshotVersion,
                              Instant snapshotGeneratedAt, @Size(max = 10) List<@Valid PoolReport> pools,
                              @Min(0) Long backlogPending, Instant oldestUnsentAt, Instant hisDataAsOf, @Min(0) Integer censusWards,
                              Instant wardReportPrintedAt) {
    }

    /** The answer to a kiosk: the server's clock (for its drift) and the drill running now, if any. */
    /** @param purgedDrills HR-21: the drills whose data was purged (newest first): kiosks purge their training namespaces */
    public record KioskAnswer(Instant serverClock, long driftMillis, CurrentDrill drill, List<java.util.UUID> purgedDrills) {
    }

    public record Line(String kioskId, String name, String department, boolean ready, List<KioskReadiness.Problem> problems,
                       Instant lastSeen, Instant snapshotGeneratedAt, List<KioskReadiness.Pool> pools, Long backlogPending,
                       String softwareVersion, Long clockDriftMillis) {
        static Line of(WatchingReadiness.Line l) {
            KioskReadiness.Facts f = l.facts();
            return new Line(f.kioskId(), f.name(), f.department(), l.verdict().ready(), l.verdict().problems(), f.lastSeen(),
                    f.snapshotGeneratedAt(), f.pools(), f.backlogPending(), f.softwareVersion(), f.clockDriftMillis());
        }
    }

    private final WatchingReadiness watching;

    public ReadinessResource(WatchingReadiness watching) {
        this.watching = watching;
    }

    @GET
    @Path("/readiness")
    @RolesAllowed(Roles.READER)
    public Uni<List<Line>> all() {
        return watching.lines().map(l -> l.stream().map(Line::of).toList());
    }

    /** Only the kiosks that would fail their department now. */
    @GET
    @Path("/readiness/not-ready")
    @RolesAllowed(Roles.READER)
    public Uni<List<Line>> notReady() {
        return watching.lines().map(l -> l.stream().filter(x -> !x.verdict().ready()).map(Line::of).toList());
    }

    /** Assesses now and notifies IT on duty of kiosks that just turned not ready (the scheduled job does it every minute). */
    @POST
    @Path("/readiness/assessments")
    @RolesAllowed(Roles.IT)
    public Uni<List<Line>> assess() {
        return watching.assessAll().map(l -> l.stream().map(Line::of).toList());
    }
}
