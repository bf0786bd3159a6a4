package org.hospital.continuity.kiosk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * What the server checks on receipt, applied to what this kiosk journalled: every entry is a record of the typed
 * contract and holds its content rules (a kiosk whose records the server would refuse could never sync).
 */
public final class ContractCheck {

    private ContractCheck() {
    }

    public static void everyEntryIsARecordOfTheContract(Journal journal) {
        List<JournalEntry> all = journal.readAfter(0, Integer.MAX_VALUE);
        assertThat(all).allSatisfy(e -> assertThat(Contract.CURRENT.check(e))
                .as("%s/%s v%d: %s", e.streamType(), e.eventType(), e.schemaVersion(), e.payload())
                .isInstanceOf(Contract.Readable.class));
    }
}
