package org.hospital.continuity.server.notification.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.server.notification.app.AcknowledgingNotification;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.notification.domain.NoticeTexts;

/**
 * The acknowledgement link of a message: GET shows a confirm button (link previews of chat apps must not
 * acknowledge by merely fetching the page), POST acknowledges. Chinese first, {@code ?lang=en} for English.
 */
@Path("/ack/{token}")
@Produces(MediaType.TEXT_HTML)
@jakarta.annotation.security.PermitAll
public class AckPage {

    private final Template page;
    private final AcknowledgingNotification acknowledging;

    public AckPage(@Location("notification/ack.html") Template page, AcknowledgingNotification acknowledging) {
        this.page = page;
        this.acknowledging = acknowledging;
    }

    @GET
    public String confirm(@PathParam("token") String token, @QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        return page.data("m", org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language)).data("lang", language.tag())
                .data("token", token).data("done", null).render();
    }

    @POST
    public Uni<String> acknowledge(@PathParam("token") String token, @QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        return acknowledging.byToken(token).map(a -> page.data("m", org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language))
                .data("lang", language.tag()).data("token", token).data("done", a).render());
    }
}
