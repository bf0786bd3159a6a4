package org.hospital.continuity.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.hospital.continuity.server.account.domain.LoginPolicy;
import org.hospital.continuity.server.account.domain.PasswordHasher;
import org.hospital.continuity.server.account.domain.PasswordRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordAndLockoutTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);
    private final LoginPolicy policy = new LoginPolicy(5, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    @DisplayName("HR-3 a password is stored salted: the same password hashes differently and only the right one matches")
    void hashesAreSaltedAndVerify() {
        String a = hasher.hash("Secret-pass-1".toCharArray());
        String b = hasher.hash("Secret-pass-1".toCharArray());
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$").doesNotContain("Secret");
        assertThat(hasher.matches("Secret-pass-1".toCharArray(), a)).isTrue();
        assertThat(hasher.matches("Secret-pass-2".toCharArray(), a)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "garbage")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
    }

    @Test
    @DisplayName("HR-3 a hash keeps its own iteration count, so raising the count later keeps old passwords valid")
    void oldIterationCountsStillVerify() {
        String old = hasher.hash("Secret-pass-1".toCharArray());
        assertThat(new PasswordHasher(2000).matches("Secret-pass-1".toCharArray(), old)).isTrue();
    }

    @Test
    @DisplayName("HR-3 the fifth wrong password locks the account; the lock refuses even the right password until it ends")
    void lockoutAfterFiveFailures() {
        LoginPolicy.AccountState s = new LoginPolicy.AccountState(true, 0, null);
        for (int i = 1; i <= 4; i++) {
            LoginPolicy.Failed f = (LoginPolicy.Failed) policy.decide(s, false, now);
            assertThat(f.failedAttempts()).isEqualTo(i);
            assertThat(f.lockedUntil()).isNull();
            s = new LoginPolicy.AccountState(true, f.failedAttempts(), null);
        }
        LoginPolicy.Failed locked = (LoginPolicy.Failed) policy.decide(s, false, now);
        assertThat(locked.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        s = new LoginPolicy.AccountState(true, 5, locked.lockedUntil());
        assertThat(policy.decide(s, true, now.plusSeconds(60))).isInstanceOf(LoginPolicy.Refused.class);
        assertThat(policy.decide(s, true, now.plus(Duration.ofMinutes(16)))).isInstanceOf(LoginPolicy.SignedIn.class);
    }

    @Test
    @DisplayName("HR-7 a disabled account never signs in")
    void disabledNeverSignsIn() {
        assertThat(policy.decide(new LoginPolicy.AccountState(false, 0, null), true, now))
                .isEqualTo(new LoginPolicy.Refused("HR-7", "This account is disabled."));
    }

    @Test
    @DisplayName("HR-3 passwords need 10 characters with letters and digits, not the user name")
    void passwordRules() {
        assertThat(PasswordRules.problem("abc123", "u")).isPresent();
        assertThat(PasswordRules.problem("abcdefghijk", "u")).isPresent();
        assertThat(PasswordRules.problem("12345678901", "u")).isPresent();
        assertThat(PasswordRules.problem("zhang-san-2026", "zhang-san")).isPresent();
        assertThat(PasswordRules.problem("Nurse-station-7", "li-si")).isEmpty();
        Random r = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(20);
            for (int k = 0; k < len; k++) {
                sb.append((char) ('0' + r.nextInt(75)));
            }
            String p = sb.toString();
            boolean ok = PasswordRules.problem(p, "nobody").isEmpty();
            boolean expected = p.length() >= 10 && p.chars().anyMatch(Character::isLetter) && p.chars().anyMatch(Character::isDigit)
                    && !p.toLowerCase().contains("nobody");
            assertThat(ok).as(p).isEqualTo(expected);
        }
    }
}
