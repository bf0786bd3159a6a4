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
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.platform.text.Language;

/**
 * IT's people pages (zh-CN first, {@code ?lang=en}): {@code /ops/people} — the directory's people with department and
 * roles in words, a new person, an account opened with a one-time password shown once, roles changed, accounts
 * disabled and enabled, a password reset to a one-time password (HR-1, HR-3, HR-7), and a kiosk's one-time enrolment
 * code; {@code /ops/roster} — the IT duty roster and its handovers (HR-15..17).
 *
 * <p>As on the operations page, the pages hold no data: their script calls the owning features' JSON APIs
 * ({@code /api/people}, {@code /api/accounts}, {@code /api/admin/kiosks}, {@code /api/roster}), so every action is
 * role-checked and audited exactly as it is there. The people page is for IT administrators (who alone may change
 * people and accounts); the roster page for IT (on duty or administrator). Others see the sign-in form or a refusal
 * in words.
 */
@Path("/ops")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PeoplePage {

    private final Template people;
    private final Template roster;
    private final Template departments;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final ContinuityServerConfig config;

    public PeoplePage(@Location("ops/people.html") Template people, @Location("ops/roster.html") Template roster,
                      @Location("ops/departments.html") Template departments,
                      @Location("board/login.html") Template login, CurrentIdentityAssociation identities, ObjectMapper json,
                      ContinuityServerConfig config) {
        this.people = people;
        this.roster = roster;
        this.departments = departments;
        this.login = login;
        this.identities = identities;
        this.json = json;
        this.config = config;
    }

    @GET
    @Path("/people")
    public Uni<String> people(@QueryParam("lang") String lang) {
        return render(people, "/ops/people", Roles.ADMIN, "people.login.notAdmin", lang);
    }

    @GET
    @Path("/roster")
    public Uni<String> roster(@QueryParam("lang") String lang) {
        return render(roster, "/ops/roster", Roles.IT, "people.login.notIt", lang);
    }

    /** The directory's departments and wards with their ladder area and place (EP-2, EP-4.1, EP-5.2): IT reads, administrators change. */
    @GET
    @Path("/departments")
    public Uni<String> departments(@QueryParam("lang") String lang) {
        return render(departments, "/ops/departments", Roles.IT, "dept.login.notIt", lang);
    }

    private Uni<String> render(Template page, String path, String role, String refusalKey, String lang) {
        Language language = Language.fromTag(lang);
        String title = switch (path) {
            case "/ops/people" -> "people.title";
            case "/ops/departments" -> "dept.title";
            default -> "roster.title";
        };
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("roles", List.of(StaffRole.values()).stream().map(r -> new OperationsPage.Choice(r.name(), r.zh(), r.en())).toList());
        // the ladder's business areas a department follows (EP-5.2), by name
        extra.put("areas", List.of(org.hospital.continuity.playbooks.party.Department.values()).stream()
                .map(a -> new OperationsPage.Choice(a.code(), a.zh(), a.en())).toList());
        return identities.getDeferredIdentity().map(identity -> OpsPageFrame.render(identity, language,
                new OpsPageFrame.Frame(path, "i18n/people", title, role, "people.login.why", refusalKey), page, login, json,
                config.zone().getId(), extra));
    }
}
