package org.hospital.continuity.server.ops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.text.Language;

/**
 * IT's page of the approved changes to the price catalogue and the drug dictionary (EP-4.1, HR-10; zh-CN first,
 * {@code ?lang=en}): the approvals entered from the hospital's price change notices, and a keyboard-first form to enter one.
 * The HIS reference feed compares every change it sees with them; an unapproved one raises Class I. Plain HTML with a
 * little script over the integrity watch's approvals API (role-checked and audited there).
 */
@Path("/ops/catalogue")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class CatalogueOpsPage {

    private final Template page;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final ContinuityServerConfig config;

    public CatalogueOpsPage(@Location("ops/catalogue.html") Template page, @Location("board/login.html") Template login,
                            CurrentIdentityAssociation identities, ObjectMapper json, ContinuityServerConfig config) {
        this.page = page;
        this.login = login;
        this.identities = identities;
        this.json = json;
        this.config = config;
    }

    @GET
    public Uni<String> page(@QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        return identities.getDeferredIdentity().map(identity -> OpsPageFrame.render(identity, language,
                new OpsPageFrame.Frame("/ops/catalogue", "i18n/opsdrills", "cat.title", Roles.IT, "opsx.login.why", "opsx.login.notIt"), page, login, json,
                config.zone().getId(), Map.of()));
    }
}
