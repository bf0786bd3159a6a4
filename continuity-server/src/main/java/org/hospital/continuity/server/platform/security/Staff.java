package org.hospital.continuity.server.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the signed-in account and the person behind it (HR-2: responsibility is traced by
 * the login account). Resources read it from the {@link SecurityIdentity} with {@link #of}.
 *
 * @param accountId      the account
 * @param username       its user name
 * @param personId       the person in the directory
 * @param personName     the person's name (staff names are not patient data)
 * @param departmentCode the person's department in the directory
 * @param roles          the security roles granted (see {@link Roles})
 */
public record Staff(UUID accountId, String username, UUID personId, String personName, String departmentCode, Set<String> roles) {

    public static final String ATTRIBUTE = "continuity.staff";

    /** The caller, or null for an anonymous or non-staff identity (e.g. an enrolled kiosk). */
    public static Staff of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object s = identity.getAttribute(ATTRIBUTE);
        return s instanceof Staff staff ? staff : null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
