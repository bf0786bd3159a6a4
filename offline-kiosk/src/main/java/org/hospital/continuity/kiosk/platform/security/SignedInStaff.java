package org.hospital.continuity.kiosk.platform.security;

import java.util.List;
import java.util.Optional;

/**
 * Port of the security layer: who is signed in on this kiosk for a session cookie (HR-2). The platform
 * owns the question, the session feature answers it ({@code session.Sessions}), so that the ground floor
 * imports no feature.
 */
public interface SignedInStaff {

    /** The HttpOnly cookie carrying a staff session's token. */
    String COOKIE = "kiosk_session";

    /** The staff member of a live session, without counting as activity; empty when absent or expired. */
    Optional<Member> signedIn(String token);

    /** A signed-in staff member: the account and the staff roles published with its verifier. */
    record Member(String accountId, List<String> roles) {
    }
}
