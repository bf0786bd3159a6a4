package org.hospital.continuity.kiosk.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.persistence.KioskIdentityTable;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;

/** This kiosk's stored identity and credential (the credential sealed with the kiosk key). */
@ApplicationScoped
public class EnrolledKiosk {

    private final KioskIdentityTable table;
    private volatile Optional<KioskIdentity> cached;

    public EnrolledKiosk(KioskIdentityTable table) {
        this.table = table;
    }

    public Optional<KioskIdentity> identity() {
        Optional<KioskIdentity> c = cached;
        if (c == null) {
            c = table.identity();
            cached = c;
        }
        return c;
    }

    public Optional<String> kioskId() {
        return identity().map(KioskIdentity::kioskId);
    }

    /** The kiosk id, or a clear refusal: nothing can be captured before enrolment. */
    public String requireKioskId() {
        return kioskId().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null,
                "error.not-enrolled"));
    }

    /** The credential secret (for calls to the server: snapshot, pools, sync). */
    public String credential() {
        return table.credential(requireKioskId());
    }

    /** The kiosk id with its secret, as the sync agent and the audit upload sign in; empty before enrolment. */
    public Optional<KioskCredential> kioskCredential() {
        return kioskId().map(id -> new KioskCredential(id, credential()));
    }

    /** Drops the remembered identity (after the enrolment transaction, whatever its outcome): read again on next use. */
    public void forget() {
        cached = null;
    }
}
