package org.hospital.continuity.server.syncreceiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hospital.continuity.server.platform.PostgresResource;
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
 * Ten kiosks push 4,000 entries per seed through a proxy that drops connections mid-request,
 * loses answers after commit, duplicates and replays requests out of order, and delays answers
 * past the client's timeout. Afterwards the server holds exactly every kiosk's journal,
 * byte-identical, once, in kiosk order — for three seeds (12,000 entries).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SyncFaultTest {

    private static final int KIOSKS = 10;
    private static final int ENTRIES_PER_SEED = 4_000;
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(1_000);
    private static final FaultyProxy.Plan NASTY = new FaultyProxy.Plan(8, 8, 8, 4, 6, Duration.ofMillis(1_500));

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL server;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 2026, 987_654_321})
    @DisplayName("exactly once, byte-identical, in kiosk order, whatever the network does")
    void everyEntryArrivesExactlyOnceThroughAFaultyNetwork(long seed) throws Exception {
        pool.query("delete from sync_entry where kiosk_id like 'fault-k%'").execute()
                .chain(() -> pool.query("delete from sync_kiosk where kiosk_id like 'fault-k%'").execute())
                .chain(() -> pool.query("delete from sync_integrity_incident where kiosk_id like 'fault-k%'").execute())
                .await().indefinitely();
        Map<String, List<JournalEntry>> backlog = BacklogGenerator.generate(seed, "fault-k", KIOSKS, ENTRIES_PER_SEED);

        try (FaultyProxy proxy = FaultyProxy.start(server.getPort(), seed, NASTY)) {
            ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
            List<MemorySource> sources = new ArrayList<>();
            List<Future<SyncSender.Step>> runs = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(90);
            SplittableRandom random = new SplittableRandom(seed);
            for (Map.Entry<String, List<JournalEntry>> kiosk : backlog.entrySet()) {
                MemorySource source = new MemorySource(kiosk.getKey(), kiosk.getValue());
                sources.add(source);
                SyncSender sender = new SyncSender(source,
                        new JdkPushClient(proxy.baseUrl(), kiosk.getKey(), "fault-secret", CLIENT_TIMEOUT), InstantSource.system(),
                        new SenderSettings(50 + random.nextInt(250), Duration.ofMillis(20), Duration.ofMillis(400)), random.split());
                runs.add(pool.submit(() -> runUntilCaughtUp(sender, source, deadline)));
            }
            for (Future<SyncSender.Step> run : runs) {
                assertThat(run.get(120, TimeUnit.SECONDS)).isInstanceOf(SyncSender.CaughtUp.class);
            }
            pool.shutdown();
            proxy.replayHeldBack(); // stale requests arriving after everything: still no-ops
            Map<FaultyProxy.Fault, Integer> faults = proxy.counts();
            assertThat(faults.values()).as("every fault was exercised: %s", faults).allMatch(n -> n > 0);

            for (MemorySource source : sources) {
                assertServerHoldsExactly(source);
            }
        }
    }

    private static SyncSender.Step runUntilCaughtUp(SyncSender sender, MemorySource source, Instant deadline) throws InterruptedException {
        SyncSender.Step step = null;
        while (Instant.now().isBefore(deadline)) {
            step = sender.step();
            if (step instanceof SyncSender.CaughtUp c && c.cursor() == source.entries().size()) {
                return step;
            }
            if (step instanceof SyncSender.NotDue notDue) {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), notDue.nextAttemptAt()).toMillis()));
            }
        }
        return step;
    }

    private void assertServerHoldsExactly(MemorySource source) {
        String kiosk = source.kioskId();
        List<JournalEntry> held = new ArrayList<>();
        for (Row r : pool.preparedQuery("select * from sync_entry where kiosk_id = $1 order by kiosk_seq")
                .execute(Tuple.of(kiosk)).await().indefinitely()) {
            held.add(SyncFixtures.fromRow(r));
        }
        assertThat(source.confirmed()).as("kiosk %s confirmed everything", kiosk).isEqualTo(source.entries().size());
        assertThat(held).as("kiosk %s: the server holds exactly its journal, in order, byte-identical", kiosk)
                .containsExactlyElementsOf(source.entries());
        assertThat(held).allMatch(JournalEntry::hashMatches);
        assertThat(SyncFixtures.count(pool, "select cursor_seq from sync_kiosk where kiosk_id = $1", kiosk))
                .isEqualTo(source.entries().size());
        assertThat(SyncFixtures.count(pool, "select count(*) from sync_integrity_incident where kiosk_id = $1", kiosk)).isZero();
    }
}
