package org.hospital.continuity.server.fault.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.server.fault.app.FilingFaultReport;
import org.hospital.continuity.server.fault.FaultReport;
import org.hospital.continuity.server.incident.Incident;
import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/** EP-3: fault reports from any signed-in workstation or kiosk; IT on duty verifies them. */
@Path("/api/fault-reports")
@Produces(MediaType.APPLICATION_JSON)
public class FaultReportResource {

    private final FilingFaultReport filing;
    private final SecurityIdentity identity;
    private final Incidents incidents;

    public FaultReportResource(FilingFaultReport filing, SecurityIdentity identity, Incidents incidents) {
        this.filing = filing;
        this.identity = identity;
        this.incidents = incidents;
    }

    /**
     * What a workstation sends (EP-3.1: who, where, what they saw, since when). {@code area} and
     * {@code symptomCode} put it in the classifier's terms; the reporter defaults to the signed-in person.
     */
    public record FileRequest(
            UUID id,
            @Size(max = 100) String reporter,
            @NotBlank @Size(max = 200) String location,
            @Size(max = 100) String terminal,
            @NotBlank @Size(max = 2000) String symptom,
            Instant observedSince,
            Department area,
            Symptom symptomCode,
            @Size(max = 100) String ward,
            @Size(max = 100) String building,
            @Size(max = 100) String subnet) {
    }

    /** EP-3.2: IT's verification. */
    public record VerifyRequest(@NotNull FaultReport.Verification outcome, Cause cause, @Size(max = 2000) String note) {
    }

    public record FaultReportView(UUID id, String reporter, String location, String terminal, String symptom,
                                  Instant observedSince, Instant filedAt, String verification, String area, String symptomCode,
                                  String ward, String building, String subnet, String verifiedBy, Instant verifiedAt, String cause,
                                  String verificationNote) {
        static FaultReportView of(FaultReport r) {
            var c = r.check();
            return new FaultReportView(r.id(), r.reporter(), r.location(), r.terminal(), r.symptom(),
                    r.observedSince(), r.filedAt(), r.verification().name(), r.area(), r.symptomCode(), r.ward(), r.building(),
                    r.subnet(), c.map(FaultReport.Check::personName).orElse(null), c.map(FaultReport.Check::at).orElse(null),
                    c.map(FaultReport.Check::cause).orElse(null), c.map(FaultReport.Check::note).orElse(null));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.KIOSK})
    public Uni<RestResponse<FaultReportView>> file(@Valid @NotNull FileRequest request) {
        Staff staff = Staff.of(identity);
        String reporter = request.reporter() != null && !request.reporter().isBlank() ? request.reporter()
                : staff != null ? staff.personName() : null;
        if (reporter == null) {
            return Uni.createFrom().failure(new DomainRejection(422, "reporter-missing", "EP-3.2", "Say who reports the fault."));
        }
        return filing.file(request.id(), new FaultReport.Filing(reporter, request.location(), request.terminal(), request.symptom(),
                        request.observedSince(), request.area() == null ? null : request.area().code(),
                        request.symptomCode() == null ? null : request.symptomCode().name(), request.ward(), request.building(),
                        request.subnet(), staff == null ? null : staff.accountId()))
                .map(r -> RestResponse.ResponseBuilder.<FaultReportView>created(
                        URI.create("/api/fault-reports/" + r.id())).entity(FaultReportView.of(r)).build());
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT)
    public Uni<FaultReportView> verify(@PathParam("id") UUID id, @Valid @NotNull VerifyRequest request) {
        Staff staff = Staff.of(identity);
        return filing.verify(id, request.outcome(), new FaultReport.Check(staff.personId(), staff.personName(), null,
                        request.cause() == null ? null : request.cause().name(), request.note()))
                .map(FaultReportView::of);
    }

    /**
     * EP-3.2 for the reporter: a report's state (received, confirmed, not reproduced), who verified it, and the
     * incident it was folded into (the one open when it was filed). Kiosks ask it for the reports they filed.
     */
    public record FaultReportState(UUID id, String state, String verifiedBy, Instant verifiedAt, String cause, Instant incidentOpenedAt,
                                   String incidentClass) {
    }

    @GET
    @Path("/{id}/state")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<FaultReportState> state(@PathParam("id") UUID id) {
        return filing.get(id).chain(r -> incidents.incidents(50).map(list -> {
            var c = r.check();
            Incident folded = list.stream().filter(i -> !i.openedAt().isAfter(r.filedAt().plusSeconds(120))
                            && (i.closedAt() == null || !i.closedAt().isBefore(r.filedAt())))
                    .min(java.util.Comparator.comparing(Incident::openedAt)).orElse(null);
            return new FaultReportState(r.id(), r.verification() == FaultReport.Verification.UNVERIFIED ? "RECEIVED" : r.verification().name(),
                    c.map(FaultReport.Check::personName).orElse(null), c.map(FaultReport.Check::at).orElse(null),
                    c.map(FaultReport.Check::cause).orElse(null), folded == null ? null : folded.openedAt(),
                    folded == null ? null : folded.faultClass());
        }));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    public Uni<FaultReportView> get(@PathParam("id") UUID id) {
        return filing.get(id).map(FaultReportView::of);
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Uni<List<FaultReportView>> newest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return filing.newest(limit).map(list -> list.stream().map(FaultReportView::of).toList());
    }
}
