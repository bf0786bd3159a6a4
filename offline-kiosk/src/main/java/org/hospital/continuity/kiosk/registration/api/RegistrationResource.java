package org.hospital.continuity.kiosk.registration.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.hospital.continuity.kiosk.registration.RegisteringPatient;
import org.hospital.continuity.kiosk.registration.domain.RegistrationForm;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * EP-6.2 outpatient registration. A 201 means the record is durable (committed with FULL sync);
 * a 4xx means nothing was stored. Field checks are the domain's (words a cashier understands).
 */
@Path("/api/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.CASHIER) // HR-1: the cashier's desk only; other roles get 403
public class RegistrationResource {

    private final RegisteringPatient registering;
    private final Sessions sessions;

    public RegistrationResource(RegisteringPatient registering, Sessions sessions) {
        this.registering = registering;
        this.sessions = sessions;
    }

    /**
     * The form as typed. {@code knownPatientId} (a snapshot patient) or {@code previousRegistrationId} (a registration
     * at this kiosk) fills what is left empty; a child under 14 needs {@code guardianName} and {@code guardianPhone}.
     */
    public record Request(String knownPatientId, String name, String sex, LocalDate birthDate, Integer ageYears, String idNumber,
                          String phone, String insuranceType, String insuranceCard, String departmentCode, String doctorCode,
                          String feeItemCode, String guardianName, String guardianPhone, String previousRegistrationId) {
        RegistrationForm form() {
            return new RegistrationForm(knownPatientId, name, sex, birthDate, ageYears, idNumber, phone, insuranceType, insuranceCard,
                    departmentCode, doctorCode, feeItemCode, guardianName, guardianPhone);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Request request) {
        var staff = sessions.require(token);
        RegisteringPatient.Registration r = registering.register(request.form(), request.previousRegistrationId(), staff);
        return Response.created(URI.create("/api/registrations/" + r.id())).entity(r).build();
    }

    @GET
    public List<RegisteringPatient.Registration> recent(@CookieParam(Sessions.COOKIE) String token,
                                                        @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(20) int limit) {
        sessions.require(token);
        return registering.recent(limit);
    }
}
