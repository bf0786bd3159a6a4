package org.hospital.continuity.server.ops.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.platform.text.Bundles;
import org.hospital.continuity.server.platform.text.Language;

/**
 * What the operations pages for drills and for probes and restore tests share: IT only (others get the sign-in form or a
 * refusal in words), the page's texts (the {@code i18n/opsdrills} bundle) and the boot data the page's script reads.
 */
final class OpsPageFrame {

    private OpsPageFrame() {
    }

    /** The page for IT, or the sign-in form with why. {@code boot} gets lang, zone, texts and who is signed in. */
    static String render(SecurityIdentity identity, Language language, String path, Template page, Template login, ObjectMapper json,
                         String zone, Map<String, Object> extra) {
        Map<String, String> m = Bundles.all("i18n/opsdrills", language);
        String other = language == Language.EN ? "zh-CN" : "en";
        if (!identity.hasRole(Roles.IT)) {
            Map<String, String> ui = new HashMap<>(Bundles.all("i18n/ui", language));
            ui.put("board.title", m.get(titleKey(path)));
            ui.put("login.why", identity.isAnonymous() ? m.get("opsx.login.why") : m.get("opsx.login.notIt"));
            return login.data("m", ui).data("lang", language.tag()).data("other", other).data("path", path).render();
        }
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("lang", language.tag());
        boot.put("zone", zone);
        boot.put("m", m);
        Staff staff = Staff.of(identity);
        boot.put("me", staff == null ? identity.getPrincipal().getName() : staff.personName());
        boot.put("admin", identity.hasRole(Roles.ADMIN));
        boot.putAll(extra);
        return page.data("m", m).data("lang", language.tag()).data("other", other).data("path", path).data("boot", scriptJson(json, boot))
                .render();
    }

    private static String titleKey(String path) {
        return path.endsWith("/drills") ? "drills.title" : "systems.title";
    }

    /** JSON to embed in a script element: "<" is escaped so the data can never close the element. */
    static String scriptJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
