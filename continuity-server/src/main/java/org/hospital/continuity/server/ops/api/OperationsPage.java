package org.hospital.continuity.server.ops.api;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
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
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.platform.text.Bundles;
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
        Map<String, String> m = Bundles.all("i18n/ops", language);
        String other = language == Language.EN ? "zh-CN" : "en";
        return identities.getDeferredIdentity().map(identity -> {
            if (!identity.hasRole(Roles.IT)) {
                Map<String, String> ui = new HashMap<>(Bundles.all("i18n/ui", language));
                ui.put("board.title", m.get("ops.title"));
                ui.put("login.why", identity.isAnonymous() ? m.get("ops.login.why") : m.get("ops.login.notIt"));
                return login.data("m", ui).data("lang", language.tag()).data("other", other).data("path", "/ops").render();
            }
            Map<String, Object> boot = new LinkedHashMap<>();
            boot.put("lang", language.tag());
            boot.put("zone", config.zone().getId());
            boot.put("m", m);
            boot.put("me", name(identity));
            boot.put("departments", choices(List.of(Department.values()).stream().map(d -> new Choice(d.code(), d.zh(), d.en())).toList()));
            boot.put("symptoms", choices(List.of(Symptom.values()).stream().map(s -> new Choice(s.name(), s.zh(), s.en())).toList()));
            boot.put("causes", choices(List.of(Cause.values()).stream().map(c -> new Choice(c.name(), c.text().zh(), c.text().en())).toList()));
            boot.put("classes", choices(List.of(FaultClass.values()).stream().map(c -> new Choice(c.name(), c.zh(), c.en())).toList()));
            boot.put("modifiers", choices(List.of(ContextModifier.values()).stream().map(c -> new Choice(c.name(), c.text().zh(), c.text().en())).toList()));
            Map<String, Choice> parties = new LinkedHashMap<>();
            Party.codes().forEach(code -> Party.fromCode(code).ifPresent(p -> parties.put(code, new Choice(code, p.zh(), p.en()))));
            boot.put("parties", parties);
            return ops.data("m", m).data("lang", language.tag()).data("other", other).data("boot", scriptJson(boot)).render();
        });
    }

    /** A code with its names; the page shows the name in the page's language and sends the code. */
    public record Choice(String code, String zh, String en) {
    }

    private static List<Choice> choices(List<Choice> list) {
        return list;
    }

    private static String name(SecurityIdentity identity) {
        Staff staff = Staff.of(identity);
        return staff == null ? identity.getPrincipal().getName() : staff.personName();
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
