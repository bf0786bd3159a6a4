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
import java.util.List;
import java.util.Map;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.text.Language;

/**
 * IT's page of the watched systems (zh-CN first, {@code ?lang=en}): the probes of the HIS components (EP-1.3) with the
 * place each serves and its state in words, added, edited, disabled and enabled by IT administrators and checked again
 * now by IT on duty; and the history of the backup restore tests (HR-19, EP-7.5), run now by an administrator. Plain
 * HTML with a little script over the probe and backup features' JSON APIs (role-checked and audited there).
 */
@Path("/ops/systems")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SystemsOpsPage {

    private final Template page;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final ContinuityServerConfig config;

    public SystemsOpsPage(@Location("ops/systems.html") Template page, @Location("board/login.html") Template login,
                          CurrentIdentityAssociation identities, ObjectMapper json, ContinuityServerConfig config) {
        this.page = page;
        this.login = login;
        this.identities = identities;
        this.json = json;
        this.config = config;
    }

    /** A component with its names: the page shows the name and sends the code. */
    public record Choice(String code, String zh, String en) {
    }

    @GET
    public Uni<String> page(@QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        List<Choice> components = List.of(Component.values()).stream().map(c -> new Choice(c.name(), c.zh(), c.en())).toList();
        return identities.getDeferredIdentity().map(identity -> OpsPageFrame.render(identity, language,
                new OpsPageFrame.Frame("/ops/systems", "i18n/opsdrills", "systems.title", Roles.IT, "opsx.login.why", "opsx.login.notIt"), page, login, json,
                config.zone().getId(), Map.of("components", components)));
    }
}
