package org.hospital.continuity.server.kiosk;

import java.util.List;

/**
 * HR-3: what a kiosk needs to check a staff member's password offline: a salted PBKDF2 verifier (never the
 * password), with the person's name, department and kiosk roles.
 */
public record StaffVerifier(String accountId, String displayName, String departmentCode, List<String> roles, String algorithm,
                       String salt, int iterations, String hash) {
}
