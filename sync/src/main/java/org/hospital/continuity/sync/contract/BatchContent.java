package org.hospital.continuity.sync.contract;

import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.sync.protocol.WireEntry;

/**
 * The receiver's content check of a push whose envelopes {@code BatchCheck} found sound: every entry must be a record
 * of the {@link Contract} that holds its {@link ContentRules}. A violation is addressed from the batch
 * ({@code entries[3].payload.lines[0].amountFen}); any violation refuses the whole push (422, nothing stored), as the
 * envelope checks do.
 */
public final class BatchContent {

    private BatchContent() {
    }

    public static List<Violation> check(List<WireEntry> entries, Contract contract) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            WireEntry e = entries.get(i);
            Contract.Read read = contract.check(e.streamType(), e.streamId(), e.streamVersion(), e.eventType(), e.schemaVersion(),
                    e.payload(), e.recordedAt(), e.actor());
            if (read instanceof Contract.Unreadable u) {
                for (Violation v : u.violations()) {
                    out.add(new Violation("entries[" + i + "]." + v.field(), v.message()));
                }
            }
        }
        return out;
    }
}
