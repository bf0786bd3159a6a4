package org.hospital.continuity.server.account.domain;

import java.util.Optional;

/** HR-3: at least 6 characters with letters and digits; this system asks for 10 and both. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;

    private PasswordRules() {
    }

    /** The reason a new password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("The password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("The password needs both letters and digits.");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("The password must not contain the user name.");
        }
        return Optional.empty();
    }
}
