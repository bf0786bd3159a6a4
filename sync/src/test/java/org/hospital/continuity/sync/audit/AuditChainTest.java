package org.hospital.continuity.sync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecord> chain(int n, Random random) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = AuditRecord.of(Instant.ofEpochSecond(1_700_000_000L + i, random.nextInt(1_000_000_000)),
                    "acc-" + random.nextInt(5), "STAFF", "POST /api/x/{id}", "CHANGE", "SUCCESS", "10.0.0." + random.nextInt(255),
                    "x", Integer.toString(random.nextInt()), "").chainedAfter(i, prev);
            prev = r.hash();
            out.add(r);
        }
        return out;
    }

    private static AuditChain.Walker walk(List<AuditRecord> records) {
        AuditChain.Walker w = new AuditChain.Walker();
        records.forEach(w::next);
        return w;
    }

    @Test
    @DisplayName("HR-8 an untouched chain verifies end to end")
    void anUntouchedChainVerifies() {
        AuditChain.Walker w = walk(chain(50, new Random(1)));
        assertThat(w.firstBreak()).isEmpty();
        assertThat(w.count()).isEqualTo(50);
    }

    @Test
    @DisplayName("HR-9 changing any field, dropping, swapping or inserting any entry is found at that entry, over many seeded chains")
    void everyKindOfTamperingIsFound() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<AuditRecord> records = chain(2 + random.nextInt(20), random);
            int i = random.nextInt(records.size());
            AuditRecord r = records.get(i);
            List<AuditRecord> tampered = new ArrayList<>(records);
            long expectedBreak = r.seq();
            switch (round % 5) {
                case 0 -> tampered.set(i, new AuditRecord(r.seq(), r.id(), r.at(), "someone-else", r.actorKind(), r.action(), r.category(),
                        r.outcome(), r.source(), r.recordType(), r.recordId(), r.detail(), r.prevHash(), r.hash()));
                case 1 -> tampered.set(i, new AuditRecord(r.seq(), r.id(), r.at().plusMillis(1), r.actor(), r.actorKind(), r.action(),
                        r.category(), r.outcome(), r.source(), r.recordType(), r.recordId(), r.detail(), r.prevHash(), r.hash()));
                case 2 -> {
                    tampered.remove(i);
                    if (i == records.size() - 1) {
                        // dropping the last entry is only visible against a remembered head: compare the head hash
                        assertThat(walk(tampered).lastHash()).isNotEqualTo(walk(records).lastHash());
                        continue;
                    }
                    expectedBreak = records.get(i + 1).seq();
                }
                case 3 -> {
                    // a rewritten entry with a recomputed own hash still breaks the link of the next one
                    AuditRecord forged = new AuditRecord(r.seq(), r.id(), r.at(), r.actor(), r.actorKind(), "nothing happened",
                            r.category(), r.outcome(), r.source(), r.recordType(), r.recordId(), r.detail(), r.prevHash(), null)
                            .chainedAfter(r.seq(), r.prevHash());
                    tampered.set(i, forged);
                    if (i == records.size() - 1) {
                        assertThat(walk(tampered).lastHash()).isNotEqualTo(walk(records).lastHash());
                        continue;
                    }
                    expectedBreak = records.get(i + 1).seq();
                }
                default -> tampered.set(i, new AuditRecord(r.seq(), r.id(), r.at(), r.actor(), r.actorKind(), r.action(), r.category(),
                        r.outcome(), r.source(), r.recordType(), r.recordId(), r.detail() + " ", r.prevHash(), r.hash()));
            }
            assertThat(walk(tampered).firstBreak()).as("round " + round).map(AuditChain.Break::seq).contains(expectedBreak);
        }
    }
}
