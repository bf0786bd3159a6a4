package org.hospital.continuity.server.allergy.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.server.allergy.app.RecordingAllergies;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Imports of patients' allergies (header {@code patient_id,allergen_code,allergen,reaction,severity}),
 * carried to every kiosk in its reference snapshot for the downtime reports and forms. IT administrators only.
 */
@Path("/api/ward-allergies")
@Produces(MediaType.APPLICATION_JSON)
public class AllergyImportResource {

    private final RecordingAllergies recording;
    private final SecurityIdentity identity;

    public AllergyImportResource(RecordingAllergies recording, SecurityIdentity identity) {
        this.recording = recording;
        this.identity = identity;
    }

    @POST
    @Path("/imports")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<RestResponse<RecordingAllergies.Imported>> importCsv(@NotBlank String csv) {
        Staff by = Staff.of(identity);
        return recording.importCsv(csv, "IMPORT", by == null ? identity.getPrincipal().getName() : by.username())
                .map(i -> RestResponse.status(RestResponse.Status.CREATED, i));
    }
}
