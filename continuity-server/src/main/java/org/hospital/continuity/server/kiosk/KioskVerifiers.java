package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.server.platform.persistence.Tx;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * HR-3, HR-7: the offline verifiers kiosks receive for the server's accounts. The account feature derives one
 * when a password is set and stores or withdraws it in the transaction that changes the account, so a kiosk
 * never gets a stale one.
 */
public interface KioskVerifiers {

    /** The verifier of an account whose password is being set, derived off the event loop; empty without a kiosk role. */
    Uni<Optional<StaffVerifier>> accountVerifier(String username, String displayName, String departmentCode, Set<StaffRole> staffRoles,
                                                 char[] password);

    /** Stores it (or removes the account's, when empty) in the caller's transaction. */
    Uni<Void> storeAccountVerifier(Tx tx, String username, Optional<StaffVerifier> verifier);

    /** HR-7: a disabled account's verifier is withdrawn from the kiosks; enabling the account restores it. */
    Uni<Void> withdrawAccountVerifier(Tx tx, String username, boolean withdrawn);
}
