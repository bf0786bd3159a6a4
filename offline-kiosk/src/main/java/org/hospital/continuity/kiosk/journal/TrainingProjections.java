package org.hospital.continuity.kiosk.journal;

import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/**
 * HR-21: a feature that keeps read models of captured records (registrations, charges, invoices, IOUs, settlements)
 * removes those of a purged drill's training streams, in the purge's transaction, when the server signals the purge.
 */
public interface TrainingProjections {

    /** Deletes this feature's rows of {@code streams}; returns how many went. */
    long purge(WriteTransaction transaction, List<UUID> streams);
}
