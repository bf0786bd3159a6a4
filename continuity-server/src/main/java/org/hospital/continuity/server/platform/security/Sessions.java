package org.hospital.continuity.server.platform.security;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * The live staff sessions, as the security layer needs them: implemented by the feature that keeps accounts
 * (platform uses no feature; the account feature implements this port).
 */
public interface Sessions {

    /** The person behind a live session whose token hashes to {@code tokenHash} at {@code now}; null when none. */
    Uni<Staff> liveSession(String tokenHash, Instant now);

    /** The staff member of an active account, by user name (a kiosk acting for them); null when unknown or disabled. */
    Uni<Staff> activeAccount(String username);
}
