package org.hospital.continuity.server.fault.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.fault.app.FilingFaultReport;
import org.hospital.continuity.server.fault.domain.FaultReport;
import org.jboss.resteasy.reactive.RestResponse;

/** EP-3: fault reports from any workstation or kiosk. */
@Path("/api/fault-reports")
@Produces(MediaType.APPLICATION_JSON)
public class FaultReportResource {

    private final FilingFaultReport filing;

    public FaultReportResource(FilingFaultReport filing) {
        this.filing = filing;
    }

    /** What a workstation sends (EP-3.1: who, where, what they saw, since when). */
    public record FileRequest(
            @NotBlank @Size(max = 100) String reporter,
            @NotBlank @Size(max = 200) String location,
            @Size(max = 100) String terminal,
            @NotBlank @Size(max = 2000) String symptom,
            Instant observedSince) {
    }

    public record FaultReportView(UUID id, String reporter, String location, String terminal, String symptom,
                                  Instant observedSince, Instant filedAt, String verification) {
        static FaultReportView of(FaultReport r) {
            return new FaultReportView(r.id(), r.reporter(), r.location(), r.terminal(), r.symptom(),
                    r.observedSince(), r.filedAt(), r.verification().name());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<FaultReportView>> file(@Valid @NotNull FileRequest request, UriInfo uri) {
        return filing.file(new FaultReport.Filing(request.reporter(), request.location(), request.terminal(),
                        request.symptom(), request.observedSince()))
                .map(r -> RestResponse.ResponseBuilder.<FaultReportView>created(
                        URI.create("/api/fault-reports/" + r.id())).entity(FaultReportView.of(r)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<FaultReportView> get(@PathParam("id") UUID id) {
        return filing.get(id).map(FaultReportView::of);
    }

    @GET
    public Uni<List<FaultReportView>> newest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return filing.newest(limit).map(list -> list.stream().map(FaultReportView::of).toList());
    }
}
