package org.hospital.continuity.kiosk.journal;

import java.util.List;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * Something that must be written in the same durable transaction as a capture — today the audit
 * entry of the request that made the capture (HR-8), so that a stored record is never without its
 * audit entry and a submit costs one commit (one fsync), not two.
 *
 * <p>{@link #begin()} runs on the caller's thread before the capture is handed to the writer thread
 * (request state such as the signed-in account and the client address is only there);
 * {@link Part#write} runs on the writer thread inside the capture's transaction, after the capture's
 * own work; {@link Part#committed()} runs on the caller's thread once the commit is durable. If the
 * capture fails or its group's commit fails, the part's writes are rolled back with it and
 * {@code committed()} is not called.
 */
public interface CaptureCompanion {

    /** The part to write with the capture about to run, or {@code null} when there is none. */
    Part begin();

    /** One capture's companion writes. */
    interface Part {

        /** Writes inside the capture's transaction; {@code appended} are the entries the capture appended, in order. */
        void write(WriteTransaction transaction, List<JournalEntry> appended);

        /** The capture (and this part's writes) are durable. */
        void committed();
    }
}
