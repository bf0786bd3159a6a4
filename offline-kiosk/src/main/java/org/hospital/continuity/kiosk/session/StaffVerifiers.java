package org.hospital.continuity.kiosk.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/**
 * The offline login verifiers of the department's staff (HR-3: never a password), as the server publishes
 * them with every reference snapshot. Stored by the session feature; the snapshot refresh replaces them in
 * its transaction.
 */
public interface StaffVerifiers {

    /** The verifier of an account, when the last snapshot had one. */
    Optional<OfflineVerifier> find(String accountId);

    /** Replaces every verifier inside {@code transaction} (withdrawn accounts disappear). */
    void replaceAll(WriteTransaction transaction, List<OfflineVerifier> verifiers, Instant receivedAt);
}
