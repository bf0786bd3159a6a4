package org.hospital.continuity.kiosk.capture;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.sync.wire.Problem;

/**
 * The reusable frame of every capture form (cashier desk now; doctor, nurse, med-tech and pharmacy
 * forms later): refuse invalid input with every field at fault (422, nothing stored), refuse
 * captures outside downtime (EP-6.1), then journal the record and its projections in one durable
 * transaction. Projections seal identifying details with {@link #seal}.
 */
@ApplicationScoped
public class CaptureDesk {

    private final Journal journal;
    private final KioskKey key;

    public CaptureDesk(Journal journal, KioskKey key) {
        this.journal = journal;
        this.key = key;
    }

    /** 422 with the fields at fault, when there are any. */
    public void refuseIfInvalid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw KioskRejection.invalid("error.form", violations.stream()
                    .map(v -> new Problem.Violation(v.field(), v.messageKey())).toList());
        }
    }

    /** Validates, then captures in downtime only; the downtime check runs inside the transaction. */
    public <T> T captureInDowntime(List<Violation> violations, Journal.CaptureWork<T> work) {
        refuseIfInvalid(violations);
        return journal.capture(c -> {
            if (c.phase() != Phase.DOWNTIME) {
                throw KioskRejection.conflict("not-in-downtime", "EP-6.1", "error.not-in-downtime");
            }
            return work.run(c);
        });
    }

    /** Validates, then captures in any phase (corrections, voids, IOU exchange after recovery). */
    public <T> T capture(List<Violation> violations, Journal.CaptureWork<T> work) {
        refuseIfInvalid(violations);
        return journal.capture(work);
    }

    /** Seals identifying details of a projection row with the kiosk key, bound to the row id. */
    public byte[] seal(String json, String rowId) {
        return key.cipher().seal(json, rowId);
    }

    public String open(byte[] sealed, String rowId) {
        return key.cipher().openString(sealed, rowId);
    }
}
