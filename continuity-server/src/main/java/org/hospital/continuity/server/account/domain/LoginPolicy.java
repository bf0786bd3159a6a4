package org.hospital.continuity.server.account.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * HR-3 and beyond: repeated wrong passwords lock the account for a while; a disabled account (HR-7,
 * staff who left) never signs in. Decisions are returned, never thrown.
 *
 * @param maxFailures  consecutive failures that lock the account
 * @param lockDuration how long the lock lasts
 */
public record LoginPolicy(int maxFailures, Duration lockDuration) {

    /** The account's state relevant to signing in. */
    public record AccountState(boolean active, int failedAttempts, Instant lockedUntil) {
    }

    public sealed interface Outcome {
    }

    /** The password was right: failures reset to zero. */
    public record SignedIn() implements Outcome {
    }

    /** Wrong password: the new failure count, and the lock if this failure reached the limit. */
    public record Failed(int failedAttempts, Instant lockedUntil) implements Outcome {
    }

    /** Refused before the password was even checked. */
    public record Refused(String rule, String reason) implements Outcome {
    }

    /** Whether the password may be checked at all. */
    public Refused refusal(AccountState account, Instant now) {
        if (!account.active()) {
            return new Refused("HR-7", "This account is disabled.");
        }
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            return new Refused("HR-3", "Too many wrong passwords: the account is locked until " + account.lockedUntil() + ".");
        }
        return null;
    }

    public Outcome decide(AccountState account, boolean passwordMatches, Instant now) {
        Refused refused = refusal(account, now);
        if (refused != null) {
            return refused;
        }
        if (passwordMatches) {
            return new SignedIn();
        }
        int failures = (account.lockedUntil() != null ? 0 : account.failedAttempts()) + 1;
        return failures >= maxFailures ? new Failed(failures, now.plus(lockDuration)) : new Failed(failures, null);
    }
}
