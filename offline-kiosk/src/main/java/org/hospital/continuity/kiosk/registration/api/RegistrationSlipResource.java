package org.hospital.continuity.kiosk.registration.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.platform.print.PaperPage;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.kiosk.registration.RegisteringPatient;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * The registration slip (挂号单, EP-6.2) the patient takes to the consulting room: the downtime patient number in
 * large type, name, sex, age, department, doctor and fee, marked as a downtime form with a QR of the record id (HR-11).
 * 80 mm receipt paper by default, {@code ?paper=a5} for A5.
 */
@Path("/api/registrations/{id}/slip")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed(KioskRoles.CASHIER) // HR-1: the cashier's desk only; other roles get 403
public class RegistrationSlipResource {

    private final RegisteringPatient registering;
    private final ReferenceData reference;
    private final Journal journal;
    private final EnrolledKiosk enrolled;
    private final Sessions sessions;
    private final Texts texts;
    private final ZoneId zone;

    public RegistrationSlipResource(RegisteringPatient registering, ReferenceData reference, Journal journal, EnrolledKiosk enrolled,
                                    Sessions sessions, Texts texts, KioskConfig config) {
        this.registering = registering;
        this.reference = reference;
        this.journal = journal;
        this.enrolled = enrolled;
        this.sessions = sessions;
        this.texts = texts;
        this.zone = ZoneId.of(config.timeZone());
    }

    @GET
    public String slip(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id, @QueryParam("paper") @Size(max = 10) String paper) {
        sessions.require(token);
        RegisteringPatient.Registration r = registering.byId(id)
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-6.2", "error.registration.unknown", List.of()));
        PatientRegistered p = r.details();
        String lang = texts.language();
        String actor = journal.stream(id).stream().findFirst().map(x -> x.entry().actor()).orElse(null);
        LocalDate today = LocalDate.ofInstant(r.registeredAt(), zone);
        Integer age = p.birthDate() != null ? Integer.valueOf(Period.between(p.birthDate(), today).getYears()) : p.ageYears();
        String department = reference.department(p.departmentCode()).map(ReferenceData.Department::name).orElse(p.departmentCode());
        String doctor = p.doctorCode() == null ? null : reference.doctor(p.doctorCode())
                .map(d -> d.name() + (d.title() == null ? "" : " " + d.title())).orElse(null);
        PaperPage page = PaperPage.of(lang, PaperPage.Paper.of(paper, PaperPage.Paper.RECEIPT_80MM), texts.text(lang, "print.registration.title"),
                        k -> texts.text(lang, k), zone)
                .record(id, r.kioskSeq(), enrolled.identity().map(KioskIdentity::kioskName).orElse(""), sessions.nameOf(actor), r.registeredAt())
                .row("print.patient-number", p.patientNumber(), true)
                .row("reg.name", p.name(), true)
                .row("reg.sex", p.sex() == null ? null : texts.text(lang, "reg.sex." + p.sex()))
                .row("reg.age", age == null ? null : age + texts.text(lang, "unit.years"))
                .row("reg.department", department)
                .row("reg.doctor", doctor)
                .row("reg.insuranceType", p.insuranceType() == null ? null : texts.text(lang, "ins." + p.insuranceType()))
                .row("reg.guardianName", p.guardianName())
                .row("reg.fee", p.feeItemName() + " " + PaperPage.yuan(p.feeFen()));
        if (journal.training(id)) {
            page.training(); // HR-21: a drill's slip says so
        }
        return page.note(texts.text(lang, "print.registration.note")).html();
    }
}
