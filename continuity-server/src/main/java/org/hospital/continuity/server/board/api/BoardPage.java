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
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.board.app.ComposingTheFaultReport;
import org.hospital.continuity.server.board.app.PicturingTheBoard;
import org.hospital.continuity.server.notification.domain.Language;
import org.hospital.continuity.server.notification.domain.NoticeTexts;
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

    public BoardPage(@Location("board/board.html") Template board, @Location("board/report.html") Template report,
                     @Location("board/login.html") Template login, CurrentIdentityAssociation identities,
                     PicturingTheBoard picturing, ComposingTheFaultReport composing, ObjectMapper json) {
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
        Map<String, String> m = NoticeTexts.all("i18n/ui", language);
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(signIn(m, language, "/board"));
            }
            boolean canWrite = identity.hasRole(Roles.IT);
            return picturing.snapshot().map(s -> board.data("m", m).data("lang", language.tag())
                    .data("other", language == Language.EN ? "zh-CN" : "en")
                    .data("boot", scriptJson(Map.of("lang", language.tag(), "m", m, "snapshot", s, "canWrite", canWrite,
                            "me", name(identity)))).render());
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
        Map<String, String> m = NoticeTexts.all("i18n/ui", language);
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(signIn(m, language, "/board/incidents/" + id + "/report"));
            }
            return composing.compose(id, language).map(doc -> doc.orElseThrow(() -> DomainRejection.notFound("Incident " + id)))
                    .map(doc -> report.data("m", m).data("lang", language.tag()).data("other", language == Language.EN ? "zh-CN" : "en")
                            .data("d", doc).data("canWrite", identity.hasRole(Roles.IT)).render());
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
