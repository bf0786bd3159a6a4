package org.hospital.continuity.kiosk.reference.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
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
import java.time.LocalDate;
import java.util.List;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.CatalogueIndex;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.session.Sessions;

/** The snapshot for the desk: search as the user types, departments, doctors, known patients. */
@Path("/api/reference")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
public class ReferenceResource {

    private final ReferenceData reference;
    private final Sessions sessions;

    public ReferenceResource(ReferenceData reference, Sessions sessions) {
        this.reference = reference;
        this.sessions = sessions;
    }

    public record Hit(String code, String kind, String name, String pinyin, String specification, String unit, long priceFen,
                      String insuranceClass, String category, int rank) {
        static Hit of(CatalogueIndex.Hit h) {
            CatalogueItem i = h.item();
            return new Hit(i.code(), i.kind().name(), i.name(), i.pinyin(), i.specification(), i.unit(), i.priceFen(),
                    i.insuranceClass(), i.category(), h.rank());
        }
    }

    /** A known patient as the pick list shows it: masked ID number, no full details. */
    public record PatientPick(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                              LocalDate birthDate, String idNumberMasked, String insuranceType, String ward, String bed, long depositFen,
                              String pinyin, boolean allergiesRecorded, List<KnownPatient.Allergy> allergies) {
        static PatientPick of(KnownPatient p) {
            String id = p.idNumber();
            String masked = id == null || id.length() < 8 ? id : id.substring(0, 4) + "**********" + id.substring(id.length() - 4);
            return new PatientPick(p.patientId(), p.census(), p.inpatientNumber(), p.outpatientNumber(), p.name(), p.sex(), p.birthDate(),
                    masked, p.insuranceType(), p.ward(), p.bed(), p.depositFen(), ReferenceData.initials(p.name()), p.allergiesRecorded(),
                    p.allergies());
        }
    }

    /** In-memory search, no I/O: answered on the I/O thread, with no hop to a worker (keystroke latency). */
    @GET
    @Path("/search")
    @io.smallrye.common.annotation.NonBlocking
    public List<Hit> search(@QueryParam("q") @Size(max = 40) String q, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return reference.catalogue().search(q, limit).stream().map(Hit::of).toList();
    }

    @GET
    @Path("/items")
    public List<CatalogueItem> items(@QueryParam("category") @Size(max = 40) String category) {
        return reference.catalogue().inCategory(category);
    }

    /** A department with its pinyin initials (内科 → NK), so the desk picks it by typing them. */
    public record DepartmentPick(String code, String name, String pinyin) {
    }

    @GET
    @Path("/departments")
    public List<DepartmentPick> departments() {
        return reference.departments().stream().map(d -> new DepartmentPick(d.code(), d.name(), ReferenceData.initials(d.name()))).toList();
    }

    @GET
    @Path("/doctors")
    public List<ReferenceData.Doctor> doctors(@QueryParam("department") @Size(max = 40) String department) {
        return reference.doctors().stream().filter(d -> department == null || d.departmentCode().equals(department)).toList();
    }

    /** HR-5: the shortest name, pinyin or number prefix a patient search accepts. */
    static final int MIN_CRITERIA = 2;

    @GET
    @Path("/patients")
    @RolesAllowed(KioskRoles.STAFF)
    public List<PatientPick> patients(@CookieParam(Sessions.COOKIE) String token, @QueryParam("q") @Size(max = 40) String q,
                                      @QueryParam("census") @DefaultValue("false") boolean census) {
        sessions.require(token); // HR-5: patient lists only for signed-in staff
        if (!census && (q == null || q.strip().length() < MIN_CRITERIA)) {
            // HR-5: no bulk listing of patients; a search needs a name/number prefix of at least two characters
            throw new org.hospital.continuity.kiosk.platform.api.KioskRejection(422, "search-criteria-required", "HR-5",
                    "error.search.criteria", java.util.List.of(new org.hospital.continuity.sync.wire.Problem.Violation("q", "error.search.criteria")));
        }
        return reference.findPatients(q, census, 20).stream().map(PatientPick::of).toList();
    }
}
