package org.hospital.continuity.server.integrity.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.integrity.app.WatchingReferenceIntegrity;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.domain.ReferenceItem;
import org.hospital.continuity.server.integrity.persistence.SnapshotStore.Snapshot;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/** EP-4.1, HR-10: imports of the price catalogue and drug dictionary, watched for deletion and mass change. */
@Path("/api/reference/{catalogue}")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceSnapshotResource {

    private final WatchingReferenceIntegrity integrity;
    private final SecurityIdentity identity;

    public ReferenceSnapshotResource(WatchingReferenceIntegrity integrity, SecurityIdentity identity) {
        this.integrity = integrity;
        this.identity = identity;
    }

    public record CurrentView(Snapshot snapshot, List<ReferenceItem> items) {
    }

    /** The CSV export of the HIS dictionary (header as in shared/data/items.csv or drugs.csv). */
    @POST
    @Path("/snapshots")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<RestResponse<Snapshot>> importCsv(@PathParam("catalogue") Catalogue catalogue, @NotBlank String csv) {
        return integrity.importCsv(catalogue, csv, Staff.of(identity))
                .map(s -> RestResponse.ResponseBuilder.<Snapshot>created(URI.create("/api/reference/" + catalogue + "/snapshots/" + s.id()))
                        .entity(s).build());
    }

    @GET
    @Path("/snapshots")
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    public Uni<List<Snapshot>> history(@PathParam("catalogue") Catalogue catalogue,
                                       @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return integrity.history(catalogue, limit);
    }

    @GET
    @Path("/current")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<CurrentView> current(@PathParam("catalogue") Catalogue catalogue) {
        return integrity.current(catalogue).map(c -> new CurrentView(c.snapshot(), c.items()));
    }

    @POST
    @Path("/snapshots/{id}/accept")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Snapshot> accept(@PathParam("catalogue") Catalogue catalogue, @PathParam("id") UUID id) {
        return integrity.accept(catalogue, id, Staff.of(identity));
    }

    @POST
    @Path("/snapshots/{id}/reject")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Snapshot> reject(@PathParam("catalogue") Catalogue catalogue, @PathParam("id") UUID id) {
        return integrity.reject(catalogue, id, Staff.of(identity));
    }

    /** One approved change (HR-10) as IT enters it from the hospital's price change notice; the price in fen. */
    public record ApprovalRequest(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code,
                                  @jakarta.validation.constraints.NotNull org.hospital.continuity.server.integrity.domain.CatalogueChanges.Kind kind,
                                  @jakarta.validation.constraints.PositiveOrZero Long priceFen,
                                  @NotBlank @jakarta.validation.constraints.Size(max = 300) String reason,
                                  java.time.Instant validUntil) {
    }

    /** EP-4.1, HR-10: the changes the hospital approved; the HIS feed's changes are compared with them. */
    @POST
    @Path("/approvals")
    @RolesAllowed({Roles.IT, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<List<org.hospital.continuity.server.integrity.persistence.ApprovalStore.Stored>> approve(
            @PathParam("catalogue") Catalogue catalogue,
            @jakarta.validation.constraints.NotEmpty @jakarta.validation.constraints.Size(max = 5000) List<@jakarta.validation.Valid ApprovalRequest> approvals) {
        return integrity.approve(catalogue, approvals.stream().map(a -> new WatchingReferenceIntegrity.ApprovalInput(a.code(), a.kind(), a.priceFen(),
                a.reason(), a.validUntil())).toList(), Staff.of(identity));
    }

    @GET
    @Path("/approvals")
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    public Uni<List<org.hospital.continuity.server.integrity.persistence.ApprovalStore.Stored>> approvals(@PathParam("catalogue") Catalogue catalogue,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return integrity.approvals(catalogue, limit);
    }
}
