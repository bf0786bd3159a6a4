package org.hospital.continuity.kiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The journal contract the sync sender builds on: durable, encrypted, gap-free, append-only. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class JournalTest {

    @Inject
    Journal journal;
    @Inject
    KioskDatabase database;
    @Inject
    NumberPools pools;

    @BeforeEach
    void enrolled() {
        Desk.enrolled();
    }

    private JournalEntry append(String name) {
        return journal.append("test", UUID.randomUUID(), 1, "TestRecorded", 1, CanonicalJson.of(Map.of("name", name, "n", 1)), "cashier-1");
    }

    @Test
    @DisplayName("HR-13 an appended entry reads back in clear with a matching hash, while the stored payload is ciphertext")
    void appendedEntryIsEncryptedAtRestAndReadsBack() throws SQLException {
        JournalEntry e = append("患者张三13912345678");
        List<JournalEntry> read = journal.readAfter(e.kioskSeq() - 1, 1);
        assertThat(read).hasSize(1);
        assertThat(read.get(0)).isEqualTo(e);
        assertThat(read.get(0).hashMatches()).isTrue();
        assertThat(read.get(0).payload()).isEqualTo("{\"n\":1,\"name\":\"患者张三13912345678\"}");
        byte[] stored = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select payload from journal where entry_id = ?")) {
                ps.setString(1, e.entryId().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("13912345678").doesNotContain("name");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("张三");
    }

    @Test
    @DisplayName("kiosk_seq has no gap and no duplicate when many threads append at once")
    void sequenceIsUnbrokenUnderConcurrency() throws Exception {
        long before = journal.lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JournalEntry>> futures = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            int n = i;
            futures.add(pool.submit(() -> append("p" + n)));
        }
        List<Long> seqs = new ArrayList<>();
        for (Future<JournalEntry> f : futures) {
            seqs.add(f.get().kioskSeq());
        }
        pool.shutdown();
        assertThat(seqs).doesNotHaveDuplicates().hasSize(160);
        assertThat(journal.lastSeq()).isEqualTo(before + 160);
        Journal.Integrity integrity = journal.verify();
        assertThat(integrity.problems()).isEmpty();
        assertThat(integrity.lastSeq()).isEqualTo(journal.lastSeq());
    }

    @Test
    @DisplayName("HR-9 journal rows can be neither updated nor deleted")
    void journalIsAppendOnly() {
        JournalEntry e = append("x");
        assertThatThrownBy(() -> database.inTransaction(c -> c.createStatement().executeUpdate(
                "update journal set actor = 'someone-else' where entry_id = '" + e.entryId() + "'")))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.inTransaction(c -> c.createStatement().executeUpdate(
                "delete from journal where entry_id = '" + e.entryId() + "'")))
                .isInstanceOf(SQLException.class).hasMessageContaining("never deleted");
        assertThat(journal.stream(e.streamId())).hasSize(1);
    }

    @Test
    @DisplayName("a second entry claiming an existing stream version is refused and nothing is stored")
    void duplicateStreamVersionIsRefused() {
        JournalEntry e = append("x");
        long last = journal.lastSeq();
        assertThatThrownBy(() -> journal.append("test", e.streamId(), 1, "TestCorrected", 1, "{}", "cashier-1"))
                .isInstanceOf(KioskRejection.class).extracting(x -> ((KioskRejection) x).status()).isEqualTo(409);
        assertThat(journal.lastSeq()).isEqualTo(last);
        JournalEntry v2 = journal.append("test", e.streamId(), 2, "TestCorrected", 1, "{\"reason\":\"typo\"}", "cashier-1");
        assertThat(v2.kioskSeq()).isEqualTo(last + 1);
    }

    @Test
    @DisplayName("a capture that fails after drawing a number rolls back the entry and gives the number back")
    void failedCaptureLeavesNoTrace() {
        long last = journal.lastSeq();
        String[] drawn = new String[1];
        assertThatThrownBy(() -> journal.capture(c -> {
            drawn[0] = pools.draw(c.transaction(), PoolKind.PATIENT);
            c.append("test", UUID.randomUUID(), 1, "TestRecorded", 1, "{}", "cashier-1");
            throw new IllegalStateException("power cut simulation");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(journal.lastSeq()).isEqualTo(last);
        String again = journal.capture(c -> pools.draw(c.transaction(), PoolKind.PATIENT));
        assertThat(again).isEqualTo(drawn[0]);
    }

    @Test
    @DisplayName("the backlog counts unsent entries and markSent clears them up to a sequence; an older cursor never moves the watermark back")
    void backlogAndMarkSent() {
        JournalEntry a = append("a");
        JournalEntry b = append("b");
        Backlog backlog = journal.backlog();
        assertThat(backlog.unsent()).isGreaterThanOrEqualTo(2);
        assertThat(backlog.oldestUnsentAt()).isNotNull();
        journal.markSent(a.kioskSeq());
        Backlog after = journal.backlog();
        assertThat(after.unsent()).isEqualTo(1);
        assertThat(journal.readAfter(a.kioskSeq(), 10)).extracting(JournalEntry::entryId).containsExactly(b.entryId());
        journal.markSent(b.kioskSeq());
        assertThat(journal.backlog().unsent()).isZero();
        assertThat(journal.backlog().oldestUnsentAt()).isNull();
        journal.markSent(a.kioskSeq()); // a late answer with an older cursor
        assertThat(journal.backlog().unsent()).as("the watermark stays where the newer cursor put it").isZero();
    }

    @Test
    @DisplayName("group commit: captures failing among concurrent ones are rolled back alone; every confirmed one is stored, in an unbroken sequence")
    void failuresInAGroupAreRolledBackAlone() throws Exception {
        long before = journal.lastSeq();
        long commitsBefore = database.groupStats().commits();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<JournalEntry>> futures = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        List<Boolean> failing = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            boolean fail = random.nextInt(4) == 0;
            failing.add(fail);
            futures.add(pool.submit(() -> {
                start.await();
                return journal.capture(c -> {
                    pools.draw(c.transaction(), PoolKind.PATIENT);
                    JournalEntry e = c.append("test", UUID.randomUUID(), 1, "TestRecorded", 1, "{}", "cashier-1");
                    if (fail) {
                        throw new IllegalStateException("refused after writing");
                    }
                    return e;
                });
            }));
        }
        start.countDown();
        List<UUID> confirmed = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < futures.size(); i++) {
            try {
                confirmed.add(futures.get(i).get().entryId());
                assertThat(failing.get(i)).isFalse();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("refused after writing");
                assertThat(failing.get(i)).isTrue();
                refused++;
            }
        }
        pool.shutdown();
        assertThat(refused).isPositive();
        assertThat(journal.lastSeq()).isEqualTo(before + confirmed.size());
        List<UUID> stored = journal.readAfter(before, 1000).stream().map(JournalEntry::entryId).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(journal.verify().problems()).isEmpty();
        assertThat(database.groupStats().commits() - commitsBefore).as("several captures shared a commit")
                .isLessThan(confirmed.size());
    }

    @Test
    @DisplayName("the WAL is checkpointed by the checkpointer thread, not inside a cashier's commit; entries are version-7 ids in order")
    void walIsCheckpointedOffTheCommitPath() throws Exception {
        long checkpointsBefore = database.groupStats().checkpoints();
        long autocheckpoint = database.inTransaction(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("pragma wal_autocheckpoint")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(autocheckpoint).as("no automatic checkpoint on the writer connection").isZero();
        List<JournalEntry> written = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            written.add(append("checkpoint " + i));
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (database.groupStats().checkpoints() == checkpointsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(database.groupStats().checkpoints()).as("a checkpoint ran after 60 commits").isGreaterThan(checkpointsBefore);
        assertThat(written).allSatisfy(e -> assertThat(e.entryId().version()).isEqualTo(7));
        assertThat(written.get(written.size() - 1).entryId().toString()).isGreaterThan(written.get(0).entryId().toString());
        assertThat(journal.verify().problems()).isEmpty();
    }

    @Test
    @DisplayName("under a steady stream of captures from several windows the WAL starts over instead of growing without bound")
    void walStaysBoundedUnderASteadyStream() throws Exception {
        long writerCheckpointsBefore = database.groupStats().writerCheckpoints();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        String big = "x".repeat(2_000); // ~2 KiB per entry: 3,000 entries write well over 6 MiB of WAL frames
        for (int w = 0; w < 8; w++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 375; i++) {
                    journal.append("test", UUID.randomUUID(), 1, "TestRecorded", 1, CanonicalJson.of(Map.of("pad", big)), "cashier-1");
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        java.nio.file.Path wal = database.file().resolveSibling(database.file().getFileName() + "-wal");
        // Without the writer's checkpoint the WAL grows with the stream (37 MiB after these 3,000 entries); with it, it starts
        // over after each complete checkpoint and a WAL that grew (a group of 64 captures, a reader holding an old snapshot)
        // is cut back to journal_size_limit. 6 MiB, the usual size here, was exceeded once on a loaded machine (8.3 MiB).
        assertThat(java.nio.file.Files.size(wal)).as("WAL bytes: it restarts after each complete checkpoint").isLessThanOrEqualTo(16L << 20);
        assertThat(database.groupStats().writerCheckpoints()).isGreaterThan(writerCheckpointsBefore);
        assertThat(journal.verify().problems()).isEmpty();
    }
}
