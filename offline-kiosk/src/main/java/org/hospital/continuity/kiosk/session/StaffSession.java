package org.hospital.continuity.kiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A staff member signed in on this kiosk (HR-2: the account traces every record). */
public record StaffSession(String token, String accountId, String displayName, List<String> roles, Instant startedAt,
                           Instant lastSeenAt) {

    public static final String CASHIER = "CASHIER";
    public static final String SUPERVISOR = "SUPERVISOR";

    /** Expired after {@code idle} without use or {@code maxAge} in total. */
    public boolean expiredAt(Instant now, Duration idle, Duration maxAge) {
        return now.isAfter(lastSeenAt.plus(idle)) || now.isAfter(startedAt.plus(maxAge));
    }

    public StaffSession touchedAt(Instant now) {
        return new StaffSession(token, accountId, displayName, roles, startedAt, now);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
