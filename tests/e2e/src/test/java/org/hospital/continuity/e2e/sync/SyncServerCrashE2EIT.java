package org.hospital.continuity.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.SenderSettings;
import org.hospital.continuity.sync.protocol.SyncSender;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;
import org.hospital.continuity.sync.testkit.BacklogGenerator;
import org.hospital.continuity.sync.testkit.FaultyProxy;
import org.hospital.continuity.sync.testkit.MemorySource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged server is killed (-9) in the middle of a push and started again on the same
 * database, while five kiosks push 11,000 entries through a faulty proxy and are themselves
 * "restarted" (their sender state thrown away, as after a kiosk crash) along the way. Afterwards the
 * server holds exactly every kiosk's journal: byte-identical, once, in kiosk order.
 */
class SyncServerCrashE2EIT {

    private static final int KIOSKS = 5;
    private static final int ENTRIES = 11_000;
    private static final FaultyProxy.Plan FLAKY = new FaultyProxy.Plan(3, 3, 3, 2, 3, Duration.ofMillis(2_500));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 31_337})
    @DisplayName("server killed -9 and restarted mid-push, kiosks restarted, flaky network: exactly once, byte-identical, in order")
    void exactlyOnceAcrossServerAndKioskCrashes(long seed) throws Exception {
        Map<String, List<JournalEntry>> backlog = BacklogGenerator.generate(seed, "crash-k", KIOSKS, ENTRIES);
        Path data = Files.createTempDirectory("sync-crash-");
        try (SyncServer server = SyncServer.start(data.resolve("server"), backlog.keySet(), Map.of());
             FaultyProxy proxy = FaultyProxy.start(server.port(), seed, FLAKY)) {
            Map<String, SyncSender> senders = new ConcurrentHashMap<>();
            List<MemorySource> sources = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(seed);
            for (Map.Entry<String, List<JournalEntry>> k : backlog.entrySet()) {
                MemorySource source = new MemorySource(k.getKey(), k.getValue());
                sources.add(source);
                senders.put(k.getKey(), newSender(proxy, source, random.split()));
            }
            ExecutorService threads = Executors.newFixedThreadPool(KIOSKS);
            Instant deadline = Instant.now().plusSeconds(180);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (MemorySource source : sources) {
                runs.add(threads.submit(() -> {
                    while (Instant.now().isBefore(deadline)) {
                        SyncSender.Step step = senders.get(source.kioskId()).step();
                        if (step instanceof SyncSender.CaughtUp c && c.cursor() == source.entries().size()) {
                            return true;
                        }
                        if (step instanceof SyncSender.NotDue notDue) {
                            Thread.sleep(Math.max(1, Math.min(200, Duration.between(Instant.now(), notDue.nextAttemptAt()).toMillis())));
                        }
                    }
                    return false;
                }));
            }

            awaitStored(server, ENTRIES / 4);
            server.kill(); // kill -9 while pushes are in flight
            Thread.sleep(500);
            // two kiosks "crash" too: their sender state is gone, they start again from a handshake
            senders.put(sources.get(0).kioskId(), newSender(proxy, sources.get(0), random.split()));
            senders.put(sources.get(1).kioskId(), newSender(proxy, sources.get(1), random.split()));
            server.launch(0);
            proxy.target(server.port());

            for (Future<Boolean> run : runs) {
                assertThat(run.get(200, TimeUnit.SECONDS)).as("a kiosk caught up before the deadline").isTrue();
            }
            threads.shutdown();
            proxy.replayHeldBack();

            for (MemorySource source : sources) {
                assertServerHoldsExactly(server, source);
            }
            assertThat(proxy.counts().get(FaultyProxy.Fault.PASS)).isPositive();
        }
    }

    private static SyncSender newSender(FaultyProxy proxy, MemorySource source, SplittableRandom random) {
        return new SyncSender(source, new JdkPushClient(proxy.baseUrl(), source.kioskId(), SyncServer.KIOSK_SECRET, Duration.ofSeconds(2)),
                InstantSource.system(), new SenderSettings(50 + random.nextInt(150), Duration.ofMillis(50), Duration.ofSeconds(1)), random);
    }

    private static void awaitStored(SyncServer server, long atLeast) throws Exception {
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            try (Connection c = server.jdbc(); var st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from sync_entry")) {
                rs.next();
                if (rs.getLong(1) >= atLeast) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // the schema may not be there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server never stored " + atLeast + " entries");
    }

    private static void assertServerHoldsExactly(SyncServer server, MemorySource source) throws Exception {
        List<JournalEntry> held = new ArrayList<>();
        try (Connection c = server.jdbc();
             PreparedStatement ps = c.prepareStatement("select * from sync_entry where kiosk_id = ? order by kiosk_seq")) {
            ps.setString(1, source.kioskId());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    held.add(new JournalEntry(r.getObject("entry_id", UUID.class), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                            r.getString("stream_type"), r.getObject("stream_id", UUID.class), r.getInt("stream_version"),
                            r.getString("event_type"), r.getInt("schema_version"), r.getString("payload"), r.getString("content_hash"),
                            r.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant().plusNanos(r.getShort("recorded_at_nanos")),
                            r.getLong("hlc"), r.getString("actor")));
                }
            }
            try (PreparedStatement k = c.prepareStatement(
                    "select cursor_seq, (select count(*) from sync_integrity_incident i where i.kiosk_id = s.kiosk_id) from sync_kiosk s where kiosk_id = ?")) {
                k.setString(1, source.kioskId());
                try (ResultSet r = k.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getLong(1)).as("cursor of %s", source.kioskId()).isEqualTo(source.entries().size());
                    assertThat(r.getLong(2)).as("integrity incidents of %s", source.kioskId()).isZero();
                }
            }
        }
        assertThat(held).as("%s: exactly its journal, in order, byte-identical", source.kioskId()).containsExactlyElementsOf(source.entries());
        assertThat(held).allMatch(JournalEntry::hashMatches);
        assertThat(source.confirmed()).isEqualTo(source.entries().size());
    }
}
