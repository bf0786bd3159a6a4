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
 * The one frame of IT's pages (/ops, drills, systems, people, departments, roster): who may see the page (others get
 * the sign-in form with why, in words), its texts — the shared ones of every IT page ({@code i18n/opskit}: the
 * navigation bar, the refusals the script kit says) under the page's own bundle — and the boot data the page's script
 * reads (language, the hospital's zone, the texts, who is signed in, whether an administrator, plus the page's own).
 * The pages hold no data: their scripts call the features' JSON APIs, role-checked and audited there.
 */
final class OpsPageFrame {

    /**
     * One IT page: its path, its own bundle, the key of its title, the role it needs, and the keys of the sign-in
     * form's reason for an anonymous caller and for one signed in without that role.
     */
    record Frame(String path, String bundle, String titleKey, String role, String whyKey, String notAllowedKey) {
    }

    private OpsPageFrame() {
    }

    /** The shared texts of every IT page with the page's own on top. */
    static Map<String, String> texts(String bundle, Language language) {
        Map<String, String> m = new HashMap<>(Bundles.all("i18n/opskit", language));
        m.putAll(Bundles.all(bundle, language));
        return m;
    }

    /** The page for those with the frame's role, or the sign-in form with why. {@code extra} goes into the boot data. */
    static String render(SecurityIdentity identity, Language language, Frame frame, Template page, Template login, ObjectMapper json,
                         String zone, Map<String, Object> extra) {
        Map<String, String> m = texts(frame.bundle(), language);
        String other = language == Language.EN ? "zh-CN" : "en";
        if (!identity.hasRole(frame.role())) {
            Map<String, String> ui = new HashMap<>(Bundles.all("i18n/ui", language));
            ui.put("board.title", m.get(frame.titleKey()));
            ui.put("login.why", identity.isAnonymous() ? m.get(frame.whyKey()) : m.get(frame.notAllowedKey()));
            return login.data("m", ui).data("lang", language.tag()).data("other", other).data("path", frame.path()).render();
        }
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("lang", language.tag());
        boot.put("zone", zone);
        boot.put("m", m);
        Staff staff = Staff.of(identity);
        boot.put("me", staff == null ? identity.getPrincipal().getName() : staff.personName());
        boot.put("admin", identity.hasRole(Roles.ADMIN));
        boot.put("personId", staff == null ? null : staff.personId()); // never shown: marks the reader's own rows (roster)
        boot.putAll(extra);
        return page.data("m", m).data("lang", language.tag()).data("other", other).data("path", frame.path()).data("titleKey", frame.titleKey())
                .data("boot", scriptJson(json, boot)).render();
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
