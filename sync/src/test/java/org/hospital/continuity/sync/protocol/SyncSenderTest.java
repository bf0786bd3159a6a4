package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.wire.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyncSenderTest {

    /** A clock the test moves by hand. */
    static final class ManualClock implements InstantSource {
        Instant now = Entries.T0;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** The kiosk journal in memory. */
    static class ListSource implements EntrySource {
        final String kiosk;
        final List<JournalEntry> entries;
        long confirmed;
        boolean diskFull;

        ListSource(String kiosk, List<JournalEntry> entries) {
            this.kiosk = kiosk;
            this.entries = new ArrayList<>(entries);
        }

        @Override
        public String kioskId() {
            return kiosk;
        }

        @Override
        public List<JournalEntry> readAfter(long afterSeq, int limit) {
            return entries.stream().filter(e -> e.kioskSeq() > afterSeq).limit(limit).toList();
        }

        @Override
        public Backlog backlog() {
            List<JournalEntry> pending = readAfter(confirmed, Integer.MAX_VALUE);
            return new Backlog(pending.size(), pending.isEmpty() ? null : pending.get(0).recordedAt(),
                    entries.isEmpty() ? 0 : entries.get(entries.size() - 1).kioskSeq());
        }

        @Override
        public void confirmed(long cursor) {
            if (diskFull) {
                throw new IllegalStateException("SQLITE_FULL");
            }
            confirmed = Math.max(confirmed, cursor);
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    @DisplayName("an entry the kiosk cannot read is reported in its place: the later entries flow, the server settles it as unreadable")
    void anUnreadableEntryNeverHoldsTheLaterOnes() {
        InMemoryReceiver server = new InMemoryReceiver();
        List<JournalEntry> journal = Entries.journal("kiosk-a", 25, new Random(3));
        JournalEntry broken = journal.get(15); // seq 16, as the flipped byte on the kiosk that was found by hand
        ListSource source = new ListSource("kiosk-a", journal) {
            @Override
            public List<JournalEntry> readAfter(long afterSeq, int limit) {
                return super.readAfter(afterSeq, limit).stream().filter(e -> e != broken).toList();
            }

            @Override
            public EntrySource.Read readBatch(long afterSeq, int limit) {
                List<JournalEntry> all = super.readAfter(afterSeq, limit);
                return new EntrySource.Read(all.stream().filter(e -> e != broken).toList(), all.contains(broken)
                        ? List.of(new UnreadableEntry(broken.kioskSeq(), broken.entryId(), broken.eventType(), broken.contentHash(),
                        UnreadableEntry.CANNOT_DECRYPT)) : List.of());
            }
        };
        List<Integer> protocols = new ArrayList<>();
        PushPort port = b -> {
            protocols.add(b.protocol());
            return new PushPort.Stored(server.receive(b));
        };
        SyncSender sender = new SyncSender(source, port, clock, new SenderSettings(10, Duration.ofMillis(100), Duration.ofSeconds(5)),
                new SplittableRandom(3));

        assertThat(sender.drain(100)).isEqualTo(new SyncSender.CaughtUp(25));
        assertThat(protocols).containsExactly(1, 1, 2, 1); // only the batch that carries it is of version 2
        assertThat(source.confirmed).isEqualTo(25);
        assertThat(server.byId).hasSize(24).doesNotContainKey(broken.entryId());
        assertThat(server.unreadable.get("kiosk-a")).containsOnlyKeys(16L);
        assertThat(server.cursors.get("kiosk-a")).isEqualTo(25);
    }

    @Test
    @DisplayName("the sender starts with a handshake, then pushes in batches from the server's cursor until caught up")
    void handshakeThenBatchesUntilCaughtUp() {
        InMemoryReceiver server = new InMemoryReceiver();
        ListSource source = new ListSource("kiosk-a", Entries.journal("kiosk-a", 25, new Random(1)));
        List<Integer> sizes = new ArrayList<>();
        PushPort port = b -> {
            sizes.add(b.entriesOrEmpty().size());
            return new PushPort.Stored(server.receive(b));
        };
        SyncSender sender = new SyncSender(source, port, clock, new SenderSettings(10, Duration.ofMillis(100), Duration.ofSeconds(5)), new SplittableRandom(1));

        SyncSender.Step last = sender.drain(100);

        assertThat(last).isEqualTo(new SyncSender.CaughtUp(25));
        assertThat(sizes).containsExactly(0, 10, 10, 5);
        assertThat(source.confirmed).isEqualTo(25);
        assertThat(server.backlogs.get("kiosk-a").pending()).isEqualTo(5);
        assertThat(sender.status().phase()).isEqualTo(SyncSender.Phase.CAUGHT_UP);
    }

    @Test
    @DisplayName("a 429 with Retry-After is obeyed to the second: no push before it elapses")
    void retryAfterIsObeyed() {
        InMemoryReceiver server = new InMemoryReceiver();
        ListSource source = new ListSource("kiosk-a", Entries.journal("kiosk-a", 3, new Random(2)));
        Deque<PushPort.Outcome> scripted = new ArrayDeque<>(List.of(new PushPort.Throttled(429, Duration.ofSeconds(7))));
        List<Instant> calls = new ArrayList<>();
        PushPort port = b -> {
            calls.add(clock.instant());
            return scripted.isEmpty() ? new PushPort.Stored(server.receive(b)) : scripted.pop();
        };
        SyncSender sender = new SyncSender(source, port, clock, SenderSettings.defaults(), new SplittableRandom(2));

        assertThat(sender.step()).isInstanceOf(SyncSender.Deferred.class);
        assertThat(sender.status().phase()).isEqualTo(SyncSender.Phase.THROTTLED);
        clock.advance(Duration.ofMillis(6_999));
        assertThat(sender.step()).isInstanceOf(SyncSender.NotDue.class);
        clock.advance(Duration.ofMillis(800)); // 7 s + up to 10 % jitter
        assertThat(sender.drain(10)).isEqualTo(new SyncSender.CaughtUp(3));
        assertThat(calls).hasSize(3);
    }

    @Test
    void failuresBackOffExponentiallyWithJitterUpToTheCap() {
        SyncSender sender = new SyncSender(new ListSource("k", List.of()), b -> new PushPort.Failed("down"), clock,
                new SenderSettings(10, Duration.ofMillis(500), Duration.ofSeconds(60)), new SplittableRandom(3));
        for (int n = 1; n <= 12; n++) {
            long expected = Math.min(60_000, 500L << (n - 1));
            Duration d = sender.backoff(n);
            assertThat(d.toMillis()).isBetween(expected / 2, expected);
        }
    }

    @Test
    @DisplayName("a refusal (e.g. credential revoked) is shown on the banner and retried only after the longest backoff")
    void aRefusalIsShownAndRetriedSlowly() {
        ListSource source = new ListSource("kiosk-a", Entries.journal("kiosk-a", 2, new Random(4)));
        PushPort port = b -> new PushPort.Refused(403, Problem.of(403, "credential-revoked", "Not allowed", "This kiosk's credential was revoked."));
        SyncSender sender = new SyncSender(source, port, clock, SenderSettings.defaults(), new SplittableRandom(4));
        sender.step();
        assertThat(sender.status().phase()).isEqualTo(SyncSender.Phase.REFUSED);
        assertThat(sender.status().lastError()).contains("revoked");
        assertThat(sender.status().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(60)));
        assertThat(source.confirmed).isZero();
    }

    @Test
    @DisplayName("a server holding more of the kiosk's journal than the kiosk itself is flagged on the banner")
    void aServerAheadOfTheKioskIsFlagged() {
        InMemoryReceiver server = new InMemoryReceiver();
        List<JournalEntry> journal = Entries.journal("kiosk-a", 5, new Random(6));
        server.receive(PushBatch.of("kiosk-a", java.util.UUID.randomUUID(), Backlog.EMPTY, journal));
        ListSource restored = new ListSource("kiosk-a", journal.subList(0, 3)); // an older copy of the kiosk
        SyncSender sender = new SyncSender(restored, b -> new PushPort.Stored(server.receive(b)), clock, SenderSettings.defaults(),
                new SplittableRandom(6));
        sender.drain(5);
        assertThat(sender.status().lastError()).contains("older copy");
    }

    @Test
    @DisplayName("disk full while marking entries sent: the sender goes on, the error is shown, nothing is lost")
    void diskFullWhileConfirmingDoesNotStopTheSender() {
        InMemoryReceiver server = new InMemoryReceiver();
        ListSource source = new ListSource("kiosk-a", Entries.journal("kiosk-a", 30, new Random(5)));
        source.diskFull = true;
        SyncSender sender = new SyncSender(source, b -> new PushPort.Stored(server.receive(b)), clock,
                new SenderSettings(10, Duration.ofMillis(100), Duration.ofSeconds(5)), new SplittableRandom(5));
        assertThat(sender.drain(100)).isEqualTo(new SyncSender.CaughtUp(30));
        assertThat(server.byId).hasSize(30);
        assertThat(sender.status().lastError()).contains("SQLITE_FULL");
    }

    @Test
    @DisplayName("property: with answers lost, requests duplicated and replayed late, every entry reaches the server exactly once, in order")
    void exactlyOnceUnderLostAnswersDuplicatesAndReplays() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            InMemoryReceiver server = new InMemoryReceiver();
            List<ListSource> kiosks = new ArrayList<>();
            List<SyncSender> senders = new ArrayList<>();
            Deque<PushBatch> delayed = new ArrayDeque<>();
            for (int k = 0; k < 3; k++) {
                ListSource source = new ListSource("kiosk-" + k, Entries.journal("kiosk-" + k, 50 + random.nextInt(200), random));
                kiosks.add(source);
                PushPort faulty = b -> {
                    int roll = random.nextInt(100);
                    if (roll < 15) {
                        return new PushPort.Failed("connection dropped before the server read it");
                    }
                    if (roll < 20) {
                        delayed.add(b); // the request reaches the server later, out of order
                        return new PushPort.Failed("timeout");
                    }
                    if (roll < 25 && !delayed.isEmpty()) {
                        server.receive(delayed.poll());
                    }
                    PushReceipt r = server.receive(b);
                    if (roll < 35) {
                        server.receive(b); // duplicated by the network
                    }
                    if (roll < 45) {
                        return new PushPort.Failed("answer lost after the server committed");
                    }
                    if (roll < 50) {
                        return new PushPort.Throttled(503, Duration.ofSeconds(1));
                    }
                    return new PushPort.Stored(r);
                };
                senders.add(new SyncSender(source, faulty, clock, new SenderSettings(1 + random.nextInt(40),
                        Duration.ofMillis(200), Duration.ofSeconds(10)), new SplittableRandom(seed)));
            }
            for (int tick = 0; tick < 5_000; tick++) {
                senders.get(random.nextInt(senders.size())).step();
                clock.advance(Duration.ofMillis(250));
                if (kiosks.stream().allMatch(s -> server.cursors.getOrDefault(s.kiosk, 0L) == s.entries.size())) {
                    break;
                }
            }
            while (!delayed.isEmpty()) {
                server.receive(delayed.poll());
            }
            for (ListSource s : kiosks) {
                assertThat(server.cursors.get(s.kiosk)).as("seed %d kiosk %s", seed, s.kiosk).isEqualTo(s.entries.size());
                for (JournalEntry e : s.entries) {
                    assertThat(server.byId.get(e.entryId())).isEqualTo(e);
                }
                assertThat(server.bySeq.get(s.kiosk).keySet()).hasSize(s.entries.size());
            }
            assertThat(server.byId).hasSize(kiosks.stream().mapToInt(s -> s.entries.size()).sum());
            assertThat(server.incidents).isEmpty();
        }
    }
}
