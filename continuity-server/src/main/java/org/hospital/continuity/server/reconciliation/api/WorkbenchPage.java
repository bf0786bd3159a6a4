package org.hospital.continuity.server.reconciliation.api;

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
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.server.kiosk.Kiosks;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reconciliation workbench page for data-entry teams (EP-8.4, EP-8.5): Chinese first,
 * {@code ?lang=en} for English, keyboard-first, everything served by the server (no CDN). The page holds
 * no patient data itself: the script reads items through the workbench API, which records every read (HR-12).
 * Without a session the sign-in form is shown; cashiers see only their IOU / deferred-insurance to-do.
 */
@Path("/workbench")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class WorkbenchPage {

    private final Template page;
    private final Template login;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final org.hospital.continuity.server.platform.config.ContinuityServerConfig config;

    private final Kiosks kiosks;

    public WorkbenchPage(@Location("workbench/workbench.html") Template page, @Location("workbench/login.html") Template login,
                         CurrentIdentityAssociation identities, ObjectMapper json,
                         org.hospital.continuity.server.platform.config.ContinuityServerConfig config, Kiosks kiosks) {
        this.kiosks = kiosks;
        this.page = page;
        this.login = login;
        this.identities = identities;
        this.json = json;
        this.config = config;
    }

    @GET
    public Uni<String> page(@QueryParam("lang") String lang, @QueryParam("incident") String incident) {
        Language language = Language.fromTag(lang);
        Map<String, String> m = org.hospital.continuity.server.platform.text.Bundles.all("i18n/workbench", language);
        String other = language == Language.EN ? "zh-CN" : "en";
        // department and kiosk names, so parcels and items read 肾内科 / 门诊收费处 1号机, never NK / K-29A3A5EF
        Uni<Map<String, String>> departments = kiosks.departmentNames();
        Uni<java.util.List<Kiosks.Kiosk>> registered = kiosks.kiosks();
        return Uni.combine().all().unis(identities.getDeferredIdentity(), departments, registered).asTuple().map(t -> {
            SecurityIdentity identity = t.getItem1();
            if (!identity.hasRole(Roles.READER)) {
                return login.data("m", m).data("lang", language.tag()).data("other", other).data("denied", false).render();
            }
            boolean works = identity.hasRole(Roles.DATA_ENTRY) || identity.hasRole(Roles.ADMIN);
            boolean cashier = identity.hasRole("cashier");
            // HR-9: department heads approve or refuse the corrections their department's clerks ask for
            boolean approves = identity.hasRole(Roles.DEPARTMENT_HEAD);
            if (!works && !cashier && !approves) {
                return login.data("m", m).data("lang", language.tag()).data("other", other).data("denied", true).render();
            }
            Map<String, Object> boot = new LinkedHashMap<>();
            boot.put("lang", language.tag());
            boot.put("zone", config.zone().getId()); // every time in the hospital's one zone, not the screen's
            boot.put("m", m);
            boot.put("me", name(identity));
            boot.put("works", works);
            boot.put("cashier", cashier);
            boot.put("approves", approves);
            Staff me = Staff.of(identity);
            boot.put("meId", me == null ? "" : me.accountId().toString());
            Map<String, String> departmentNames = new LinkedHashMap<>(t.getItem2());
            for (Department d : Department.values()) {
                departmentNames.putIfAbsent(d.code(), language == Language.EN ? d.en() : d.zh());
            }
            boot.put("departments", departmentNames);
            Map<String, String> kioskNames = new LinkedHashMap<>();
            for (Kiosks.Kiosk k : t.getItem3()) {
                kioskNames.put(k.kioskId(), k.name() == null || k.name().isBlank() ? (k.departmentName() == null ? "" : k.departmentName())
                        : k.name());
            }
            boot.put("kiosks", kioskNames);
            boot.put("incident", incident == null || !incident.matches("[A-Za-z0-9._:-]{1,100}") ? "" : incident);
            return page.data("m", m).data("lang", language.tag()).data("other", other).data("boot", scriptJson(boot)).render();
        });
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
