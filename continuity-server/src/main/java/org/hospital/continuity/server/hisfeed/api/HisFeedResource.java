package org.hospital.continuity.server.hisfeed.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.hisfeed.HisFeedStatus;
import org.hospital.continuity.server.hisfeed.app.PullingHisReference;
import org.hospital.continuity.server.platform.security.Roles;

/** The HIS reference feed: each piece's as-of time and age (IT, leadership), and "pull now" (IT administrators). */
@Path("/api/his-feed")
@Produces(MediaType.APPLICATION_JSON)
public class HisFeedResource {

    private final PullingHisReference feed;

    public HisFeedResource(PullingHisReference feed) {
        this.feed = feed;
    }

    public record Status(boolean enabled, List<HisFeedStatus.Piece> pieces) {
    }

    public record Pulled(Map<String, String> outcome, List<HisFeedStatus.Piece> pieces) {
    }

    @GET
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    public Uni<Status> status() {
        return feed.pieces().map(p -> new Status(feed.enabled(), p));
    }

    /** Pulls every piece from the HIS now (after a HIS maintenance, or to check the link); blocking work on a worker. */
    @POST
    @Path("/pull")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Pulled> pull() {
        return Uni.createFrom().item(feed::pull).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(report -> feed.pieces().map(p -> new Pulled(report.pieces().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a,
                                java.util.TreeMap::new)), p)));
    }
}
