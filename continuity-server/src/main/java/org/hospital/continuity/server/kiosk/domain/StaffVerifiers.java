package org.hospital.continuity.server.kiosk.domain;

import org.hospital.continuity.server.kiosk.StaffVerifier;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * Offline login verifiers for kiosks (HR-3): PBKDF2-HMAC-SHA256 with a per-account random salt.
 * Kiosks receive the verifier, never the password; a kiosk recomputes it from the typed password.
 */
public final class StaffVerifiers {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private StaffVerifiers() {
    }


    public static StaffVerifier derive(String accountId, String displayName, String departmentCode, List<String> roles, char[] password,
                                  int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
            return new StaffVerifier(accountId, displayName, departmentCode, List.copyOf(roles), ALGORITHM,
                    Base64.getEncoder().encodeToString(salt), iterations, HexFormat.of().formatHex(hash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The kiosk roles (what a kiosk lets a signed-in person do) of a person holding these staff roles;
     * empty when none of them works at a kiosk. A department head supervises the department's desk
     * (downtime on and off, EP-6.1).
     */
    public static List<String> kioskRoles(Set<StaffRole> staffRoles) {
        List<String> out = new ArrayList<>();
        for (StaffRole r : StaffRole.values()) {
            if (!staffRoles.contains(r)) {
                continue;
            }
            switch (r) {
                case CASHIER -> out.add("CASHIER");
                case NURSE -> out.add("NURSE");
                case DOCTOR -> out.add("DOCTOR");
                case PHARMACIST -> out.add("PHARMACIST");
                case MED_TECH -> out.add("MEDTECH");
                case DEPARTMENT_HEAD -> out.add("SUPERVISOR");
                default -> {
                    // not a kiosk role
                }
            }
        }
        return List.copyOf(out);
    }
}
