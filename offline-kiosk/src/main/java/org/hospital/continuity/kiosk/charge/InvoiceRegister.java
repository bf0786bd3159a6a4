package org.hospital.continuity.kiosk.charge;

import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The manual invoice register (手工发票登记, EP-6.2.3): every paper invoice number used or voided. Kept by the
 * charge feature; another capture that uses a number (a discharge settlement) records it here, in its own
 * transaction.
 */
public interface InvoiceRegister {

    /**
     * Records {@code invoiceNo} as used by the record {@code streamId} (its first entry {@code entry}: time and
     * actor) for {@code amountFen}, inside the capture's {@code transaction}.
     */
    void use(WriteTransaction transaction, String invoiceNo, String purpose, UUID streamId, JournalEntry entry, long amountFen, String phase);

    /** A voided number's reason, time and who voided it (HR-9), for the void mark of a reprint. */
    record Voided(String reason, java.time.Instant at, String by) {
    }

    /** Whether {@code invoiceNo} was voided, and how. */
    java.util.Optional<Voided> voided(String invoiceNo);
}
