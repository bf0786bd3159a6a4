package org.hospital.continuity.kiosk.wardreport.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.util.List;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.print.PdfPages;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.kiosk.wardreport.app.PrintingWardReports;
import org.hospital.continuity.kiosk.wardreport.app.WardReports;

/**
 * The ward's downtime reports (census, MAR of the next 24 hours, active orders, allergies) from the latest snapshot, read
 * by clinical staff (HR-12): the wards, one ward's report as a page (the screen's print preview) or as the PDF, the last
 * automatic print, and "print now".
 */
@Path("/api/ward-reports")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class WardReportResource {

    /** The wards of this kiosk's census and the last print (null: never printed). */
    public record Wards(List<String> wards, java.time.Instant lastPrintedAt, Integer lastPrintPages) {
    }

    private static final List<String> CLINICAL = List.of("DOCTOR", "NURSE", "MEDTECH", "PHARMACIST");

    private final WardReports reports;
    private final PrintingWardReports printing;
    private final Sessions sessions;
    private final InstantSource clock;
    private final KioskConfig config;

    public WardReportResource(WardReports reports, PrintingWardReports printing, Sessions sessions, InstantSource clock, KioskConfig config) {
        this.reports = reports;
        this.printing = printing;
        this.sessions = sessions;
        this.clock = clock;
        this.config = config;
    }

    private void requireClinical(String token) {
        StaffSession s = sessions.require(token);
        if (s.roles().stream().noneMatch(CLINICAL::contains)) {
            throw new KioskRejection(403, "forbidden", "HR-12", "error.forbidden", List.of());
        }
    }

    @GET
    public Wards wards(@CookieParam(Sessions.COOKIE) String token) {
        requireClinical(token);
        var last = printing.last();
        return new Wards(reports.wards(), last.map(p -> p.printedAt()).orElse(null), last.map(p -> p.pages()).orElse(null));
    }

    /** One ward's report as a page (the first ward when none is named). */
    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    public String page(@CookieParam(Sessions.COOKIE) String token, @QueryParam("ward") String ward) {
        requireClinical(token);
        return report(ward).xhtml();
    }

    /** One ward's report as the PDF that is printed. */
    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    public Response pdf(@CookieParam(Sessions.COOKIE) String token, @QueryParam("ward") String ward) {
        requireClinical(token);
        WardReports.WardReport r = report(ward);
        byte[] pdf = PdfPages.render(r.xhtml(), r.ward() + " 停机报表", config.wardReport().pdfFont());
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"ward-report.pdf\"").build();
    }

    /** Prints every ward's report now. */
    @POST
    @Path("/print")
    public PrintingWardReports.Printed print(@CookieParam(Sessions.COOKIE) String token) {
        requireClinical(token);
        PrintingWardReports.Printed p = printing.print();
        return new PrintingWardReports.Printed(p.at(), List.of(), p.pages(), p.outcome()); // no paths on the wire
    }

    private WardReports.WardReport report(String ward) {
        List<String> wards = reports.wards();
        String w = ward == null || ward.isBlank() ? (wards.isEmpty() ? null : wards.get(0)) : ward;
        return (w == null ? java.util.Optional.<WardReports.WardReport>empty() : reports.of(w, clock.instant()))
                .orElseThrow(() -> new KioskRejection(404, "no-ward", null, "report.no-snapshot", List.of()));
    }
}
