package org.hospital.continuity.kiosk.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A staff member's offline login verifier as the server hands it out (HR-3: never the password):
 * PBKDF2-HMAC-SHA256 with a per-account salt and an iteration count. The kiosk recomputes it from
 * the typed password and compares in constant time.
 */
public record OfflineVerifier(String accountId, String displayName, List<String> roles, String algorithm, String salt,
                              int iterations, String hash) {

    public static final String PBKDF2_SHA256 = "PBKDF2WithHmacSHA256";

    public boolean matches(char[] password) {
        if (!PBKDF2_SHA256.equals(algorithm) || iterations < 1) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(hash);
        byte[] actual = derive(password, Base64.getDecoder().decode(salt), iterations, expected.length * 8);
        return MessageDigest.isEqual(expected, actual);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** PBKDF2-HMAC-SHA256 of a password; the server uses the same function to make verifiers. */
    public static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        try {
            return SecretKeyFactory.getInstance(PBKDF2_SHA256).generateSecret(new PBEKeySpec(password, salt, iterations, bits)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }

    /** For tests and tools: a verifier of {@code password}. */
    public static OfflineVerifier of(String accountId, String displayName, List<String> roles, String password, byte[] salt, int iterations) {
        byte[] h = derive(password.toCharArray(), salt, iterations, 256);
        return new OfflineVerifier(accountId, displayName, roles, PBKDF2_SHA256, Base64.getEncoder().encodeToString(salt), iterations,
                HexFormat.of().formatHex(h));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
