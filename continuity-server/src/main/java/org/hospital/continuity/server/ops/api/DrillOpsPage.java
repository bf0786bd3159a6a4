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
 * IT's drill page (EP-9.4, HR-21; zh-CN first, {@code ?lang=en}): start a drill from a shipped scenario chosen by its name,
 * at a speed said in words, follow it on the drill's own clock, stop it, and open each drill's report. Plain HTML with a
 * little script over the drill feature's JSON API, so every action is role-checked and audited exactly as it is there.
 */
@Path("/ops/drills")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class DrillOpsPage {

    private final Template page;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final ContinuityServerConfig config;

    public DrillOpsPage(@Location("ops/drills.html") Template page, @Location("board/login.html") Template login,
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
                new OpsPageFrame.Frame("/ops/drills", "i18n/opsdrills", "drills.title", Roles.IT, "opsx.login.why", "opsx.login.notIt"), page, login, json,
                config.zone().getId(), Map.of()));
    }
}
