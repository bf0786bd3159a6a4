package org.hospital.continuity.kiosk.registration.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.registration.app.FindingKnownPatients;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.sync.wire.Problem;

/**
 * Known patients for the desk (已知病人): the snapshot's and this kiosk's own registrations, by name, pinyin
 * initials, ID number, phone or downtime number. HR-5: signed-in staff only, and never a bulk list (two characters at least).
 */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class PatientSearchResource {

    static final int MIN_CRITERIA = 2;

    private final FindingKnownPatients finding;
    private final Sessions sessions;

    public PatientSearchResource(FindingKnownPatients finding, Sessions sessions) {
        this.finding = finding;
        this.sessions = sessions;
    }

    @GET
    public List<FindingKnownPatients.Hit> find(@CookieParam(Sessions.COOKIE) String token, @QueryParam("q") @Size(max = 40) String q,
                                               @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(20) int limit) {
        sessions.require(token);
        if (q == null || q.strip().length() < MIN_CRITERIA) {
            throw new KioskRejection(422, "search-criteria-required", "HR-5", "error.search.criteria",
                    List.of(new Problem.Violation("q", "error.search.criteria")));
        }
        return finding.find(q, limit);
    }
}
