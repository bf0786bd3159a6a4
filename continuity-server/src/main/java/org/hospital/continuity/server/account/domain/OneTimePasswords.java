package org.hospital.continuity.server.account.domain;

import java.util.random.RandomGenerator;

/**
 * HR-3, HR-7: the password an IT administrator hands a person when the account is opened or its password is reset.
 * It is generated, never chosen by the administrator, shown once on the administrator's page and stored only as a
 * hash; the person changes it. Groups of four, no 0/O, 1/I/L, so it can be read out and typed by hand; it always
 * meets {@link PasswordRules} (letters and digits, 14 characters with the dashes).
 */
public final class OneTimePasswords {

    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALPHABET = LETTERS + DIGITS;
    static final int GROUPS = 3;
    static final int GROUP_LENGTH = 4;

    private OneTimePasswords() {
    }

    /** A new one-time password that {@link PasswordRules} accepts for this user name. */
    public static String generate(RandomGenerator random, String username) {
        while (true) {
            StringBuilder out = new StringBuilder();
            for (int g = 0; g < GROUPS; g++) {
                if (g > 0) {
                    out.append('-');
                }
                for (int i = 0; i < GROUP_LENGTH; i++) {
                    out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String candidate = out.toString();
            if (PasswordRules.problem(candidate, username).isEmpty()) {
                return candidate;
            }
        }
    }
}
