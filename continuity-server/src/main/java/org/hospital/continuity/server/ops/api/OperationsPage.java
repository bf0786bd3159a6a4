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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.text.Language;

/**
 * IT's operations page (zh-CN first, {@code ?lang=en}): fault reports filed and verified or denied with a cause
 * (EP-3), the class overridden with a reason (EP-4), the circumstances in force (EP-5.1: holiday, patient volume, staff away,
 * major event; for the leadership group to weigh, the plan's EP-5.2 times stay), recovery declared (EP-6.8, EP-7: the engine issues the recovery
 * instructions) and departments announced back to normal (EP-8.4), the write-back's state and a run now (EP-8.4).
 *
 * <p>The page is plain HTML with a little script that calls the features' own JSON APIs, so every action is
 * role-checked and audited exactly as it is there; nothing is decided here. Only IT (on duty or administrator)
 * gets the page; others see the sign-in form or a refusal in words.
 */
@Path("/ops")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class OperationsPage {

    private final Template ops;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final ContinuityServerConfig config;

    public OperationsPage(@Location("ops/ops.html") Template ops, @Location("board/login.html") Template login,
                          CurrentIdentityAssociation identities, ObjectMapper json, ContinuityServerConfig config) {
        this.ops = ops;
        this.login = login;
        this.identities = identities;
        this.json = json;
        this.config = config;
    }

    @GET
    public Uni<String> page(@QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("departments", List.of(Department.values()).stream().map(d -> new Choice(d.code(), d.zh(), d.en())).toList());
        extra.put("symptoms", List.of(Symptom.values()).stream().map(s -> new Choice(s.name(), s.zh(), s.en())).toList());
        extra.put("causes", List.of(Cause.values()).stream().map(c -> new Choice(c.name(), c.text().zh(), c.text().en())).toList());
        extra.put("classes", List.of(FaultClass.values()).stream().map(c -> new Choice(c.name(), c.zh(), c.en())).toList());
        extra.put("modifiers", List.of(ContextModifier.values()).stream().map(c -> new Choice(c.name(), c.text().zh(), c.text().en())).toList());
        Map<String, Choice> parties = new LinkedHashMap<>();
        Party.codes().forEach(code -> Party.fromCode(code).ifPresent(p -> parties.put(code, new Choice(code, p.zh(), p.en()))));
        extra.put("parties", parties);
        return identities.getDeferredIdentity().map(identity -> OpsPageFrame.render(identity, language,
                new OpsPageFrame.Frame("/ops", "i18n/ops", "ops.title", Roles.IT, "ops.login.why", "ops.login.notIt"), ops, login, json,
                config.zone().getId(), extra));
    }

    /** A code with its names; the page shows the name in the page's language and sends the code. */
    public record Choice(String code, String zh, String en) {
    }
}
