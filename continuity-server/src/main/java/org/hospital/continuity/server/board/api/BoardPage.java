package org.hospital.continuity.server.board.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.hospital.continuity.server.board.integration.FaultReportPdf;
import org.hospital.continuity.server.notification.NotificationSettings;
import java.util.UUID;
import org.hospital.continuity.server.board.app.ComposingTheFaultReport;
import org.hospital.continuity.server.board.app.PicturingTheBoard;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;

/**
 * The board page (wall screen and phone, Chinese first, {@code ?lang=en} for English) and the printable
 * fault report. Everything is served by the server itself; nothing comes from the internet. Without a
 * session the sign-in page is shown (the session cookie of the account feature); the leadership group gets
 * the board read-only, IT can write on it.
 */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class BoardPage {

    private final Template board;
    private final Template report;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final PicturingTheBoard picturing;
    private final ComposingTheFaultReport composing;
    private final ObjectMapper json;
    private final Template reportPdf;
    private final FaultReportPdf pdf;
    private final NotificationSettings notificationSettings;
    private final java.time.InstantSource clock;

    public BoardPage(@Location("board/board.html") Template board, @Location("board/report.html") Template report,
                     @Location("board/login.html") Template login, CurrentIdentityAssociation identities,
                     PicturingTheBoard picturing, ComposingTheFaultReport composing, ObjectMapper json,
                     @Location("board/report-pdf.html") Template reportPdf, FaultReportPdf pdf,
                     NotificationSettings notificationSettings, java.time.InstantSource clock) {
        this.reportPdf = reportPdf;
        this.pdf = pdf;
        this.notificationSettings = notificationSettings;
        this.clock = clock;
        this.login = login;
        this.identities = identities;
        this.board = board;
        this.report = report;
        this.picturing = picturing;
        this.composing = composing;
        this.json = json;
    }

    @GET
    public Uni<String> page(@QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        Map<String, String> m = org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language);
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(signIn(m, language, "/board"));
            }
            boolean canWrite = identity.hasRole(Roles.IT);
            return picturing.snapshot().map(s -> board.data("m", m).data("lang", language.tag())
                    .data("other", language == Language.EN ? "zh-CN" : "en")
                    .data("boot", scriptJson(Map.of("lang", language.tag(), "m", m, "snapshot", s, "canWrite", canWrite,
                            "me", name(identity), "zone", notificationSettings.zone().getId()))).render());
        });
    }

    private String signIn(Map<String, String> m, Language language, String path) {
        return login.data("m", m).data("lang", language.tag()).data("other", language == Language.EN ? "zh-CN" : "en")
                .data("path", path).render();
    }

    private static String name(SecurityIdentity identity) {
        Staff staff = Staff.of(identity);
        return staff == null ? identity.getPrincipal().getName() : staff.personName();
    }

    @GET
    @Path("/incidents/{id}/report")
    public Uni<String> report(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        Map<String, String> m = org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language);
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(signIn(m, language, "/board/incidents/" + id + "/report"));
            }
            return composing.compose(id, language).map(doc -> doc.orElseThrow(() -> DomainRejection.notFound("Incident " + id)))
                    .map(doc -> report.data("m", m).data("lang", language.tag()).data("other", language == Language.EN ? "zh-CN" : "en")
                            .data("d", doc).data("canWrite", identity.hasRole(Roles.IT)).render());
        });
    }

    /**
     * The fault report and recovery record as a PDF made on the server (EP-7.4, EP-8.1, EP-8.6): the same facts as the
     * printable page, Chinese font embedded, for the archive and for sending to the hospital leadership.
     */
    @GET
    @Path("/incidents/{id}/report.pdf")
    @Produces("application/pdf")
    public Uni<Response> reportPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        Map<String, String> m = org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language);
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(Response.status(Response.Status.UNAUTHORIZED).build());
            }
            return composing.compose(id, language).map(doc -> doc.orElseThrow(() -> DomainRejection.notFound("Incident " + id)))
                    .chain(doc -> {
                        String generatedAt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(clock.instant().atZone(notificationSettings.zone()));
                        String xhtml = reportPdf.data("m", m).data("lang", language.tag()).data("d", doc)
                                .data("generatedAt", generatedAt).render();
                        return Uni.createFrom().item(() -> pdf.render(xhtml, m.get("report.title") + " · " + m.get("report.incident") + " " + doc.number()))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    })
                    .map(bytes -> Response.ok(bytes, "application/pdf")
                            .header("Content-Disposition", "inline; filename=\"fault-report-" + id + ".pdf\"").build());
        });
    }

    /** JSON to embed in a script element: "<" is escaped so the data can never close the element. */
    private String scriptJson(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
