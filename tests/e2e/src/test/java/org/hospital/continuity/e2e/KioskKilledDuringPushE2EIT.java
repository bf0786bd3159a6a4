package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Answer;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Client;
import org.hospital.continuity.e2e.sync.SyncServer;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.testkit.FaultyProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged kiosk is killed (SIGKILL) in the middle of a push: the server has stored a batch and
 * its answer is still on the way (a proxy holds every answer back for a while), so the kiosk dies
 * without knowing what the server holds. Cashiers capture while the agent pushes (in the runs so far
 * all 360 captures were confirmed before the kill, about half of them still unsent). After a restart on the same
 * data folder the kiosk resumes from the server's cursor, and the server holds exactly the kiosk's
 * journal: every confirmed capture, byte-identical (the hash the kiosk sealed at capture matches the
 * stored content), once, in kiosk order, with no integrity incident.
 */
class KioskKilledDuringPushE2EIT {

    private static final int CAPTURES = 360;
    private static final Duration HELD_ANSWER = Duration.ofMillis(1_500);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 4_242})
    @DisplayName("EP-8.3 kiosk killed -9 during a push: after restart the server holds exactly the kiosk's confirmed entries, once, in order")
    void exactlyTheConfirmedEntriesAfterAKillDuringAPush(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path root = AppProcess.root();
        Path data = Files.createTempDirectory("kiosk-kill-push-");
        String adminPassword = "E2e-Kill-" + UUID.randomUUID().toString().substring(0, 8) + "-1a";
        Path kioskJar = root.resolve("offline-kiosk/target/quarkus-app/quarkus-run.jar");
        Map<String, String> serverProps = Map.of("continuity.kiosk.demo-data", "true",
                "continuity.auth.initial-admin.password", adminPassword, "continuity.kiosk.verifier-iterations", "10000",
                "continuity.kiosk.patient-block-size", "100000");
        try (SyncServer server = SyncServer.start(data.resolve("server"), List.of(), serverProps);
             FaultyProxy proxy = FaultyProxy.start(server.port(), seed, FaultyProxy.Plan.CLEAN)) {
            String code = enrolmentCode(server.baseUrl(), adminPassword);
            Map<String, String> kioskProps = new LinkedHashMap<>();
            kioskProps.put("quarkus.http.port", "0");
            kioskProps.put("continuity.data-dir", data.resolve("kiosk").toString());
            kioskProps.put("continuity.server-url", server.baseUrl());
            kioskProps.put("continuity.sync.interval", "1s");
            kioskProps.put("continuity.sync.batch-size", Integer.toString(15 + random.nextInt(20)));
            kioskProps.put("continuity.sync.request-timeout-millis", "20000");
            kioskProps.put("continuity.sync.min-backoff-millis", "100");
            kioskProps.put("continuity.sync.max-backoff-millis", "1000");

            // enrolment straight at the server; then the kiosk is restarted behind the proxy that holds answers back
            String kioskId;
            try (AppProcess first = AppProcess.start("kiosk-enrol", kioskJar, kioskProps, Map.of())) {
                Client desk = new Client(first.awaitBaseUrl(Duration.ofSeconds(90)));
                desk.ok("POST", "/api/kiosk/enrolment", Map.of("code", code));
                desk.ok("POST", "/api/session", Map.of("accountId", "super-1", "password", StaffAccounts.PASSWORD));
                desk.ok("POST", "/api/mode/downtime", StaffAccounts.phonedDowntime());
                kioskId = desk.ok("GET", "/api/sync/status", null).path("kioskId").asText();
                assertThat(kioskId).isNotBlank();
            }
            kioskProps.put("continuity.server-url", proxy.baseUrl());
            AppProcess kiosk = AppProcess.start("kiosk", kioskJar, kioskProps, Map.of());
            try {
                Client desk = new Client(kiosk.awaitBaseUrl(Duration.ofSeconds(90)));
                desk.ok("POST", "/api/session", Map.of("accountId", "super-1", "password", StaffAccounts.PASSWORD));

                // from now on every answer to the kiosk is held back: each push is in flight for a while after the server stored it
                proxy.plan(new FaultyProxy.Plan(0, 0, 0, 100, 0, HELD_ANSWER));
                ConcurrentLinkedQueue<String> confirmed = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    Thread t = new Thread(() -> {
                        int i = 1;
                        while (!stop.get() && confirmed.size() < CAPTURES) {
                            try {
                                Answer a = desk.send("POST", "/api/registrations", KioskCrashE2EIT.registration((int) seed + writer * 100_000 + i++), null);
                                if (a.status() == 201) {
                                    confirmed.add(a.body().path("id").asText());
                                }
                            } catch (Exception connectionDied) {
                                return;
                            }
                        }
                    });
                    t.start();
                    writers.add(t);
                }
                // kill as soon as the server has stored past a seeded point: that batch's answer is still held by the proxy
                long killAfter = CAPTURES / 4 + random.nextInt(CAPTURES / 3);
                long cursorAtKill = awaitCursorAbove(server, kioskId, killAfter, Duration.ofSeconds(180));
                kiosk.kill();
                stop.set(true);
                for (Thread t : writers) {
                    t.join(10_000);
                }
                assertThat(proxy.counts().get(FaultyProxy.Fault.DELAY_ANSWER)).as("pushes went through the holding proxy").isPositive();
                assertThat(confirmed).as("captures confirmed before the kill").hasSizeGreaterThan((int) Math.min(cursorAtKill, 20));

                // restart on the same data folder; the network is clean again
                proxy.plan(FaultyProxy.Plan.CLEAN);
                kiosk = AppProcess.start("kiosk-restarted", kioskJar, kioskProps, Map.of());
                Client after = new Client(kiosk.awaitBaseUrl(Duration.ofSeconds(90)));
                after.ok("POST", "/api/session", Map.of("accountId", "cashier-1", "password", StaffAccounts.PASSWORD));
                long lastSeq = awaitDrained(server, after, kioskId, Duration.ofSeconds(180));

                JsonNode journal = after.ok("GET", "/api/journal?after=0&limit=10000", null);
                assertThat(journal.size()).isEqualTo((int) lastSeq);
                List<JournalEntry> held = serverHolds(server, kioskId);
                assertThat(held).as("one server row per kiosk entry").hasSize(journal.size());
                Map<String, String> kioskHashById = new HashMap<>();
                for (int i = 0; i < journal.size(); i++) {
                    JsonNode line = journal.get(i);
                    JournalEntry stored = held.get(i);
                    assertThat(stored.kioskSeq()).as("kiosk order at %d", i).isEqualTo(i + 1L);
                    assertThat(stored.entryId().toString()).isEqualTo(line.path("entryId").asText());
                    assertThat(stored.contentHash()).as("seq %d: the hash the kiosk sealed", i + 1).isEqualTo(line.path("contentHash").asText());
                    assertThat(stored.hashMatches()).as("seq %d: stored content byte-identical to what was hashed", i + 1).isTrue();
                    kioskHashById.put(line.path("streamId").asText(), line.path("contentHash").asText());
                }
                assertThat(kioskHashById.keySet()).as("every confirmed registration reached the server").containsAll(confirmed);
                try (Connection c = server.jdbc(); PreparedStatement ps = c.prepareStatement(
                        "select cursor_seq, highest_held, incidents, (select count(*) from sync_integrity_incident i where i.kiosk_id = k.kiosk_id) "
                                + "from sync_kiosk k where kiosk_id = ?")) {
                    ps.setString(1, kioskId);
                    try (ResultSet r = ps.executeQuery()) {
                        assertThat(r.next()).isTrue();
                        assertThat(r.getLong(1)).isEqualTo(lastSeq);
                        assertThat(r.getLong(2)).isEqualTo(lastSeq);
                        assertThat(r.getLong(3)).as("integrity incidents").isZero();
                        assertThat(r.getLong(4)).as("integrity incidents").isZero();
                    }
                }
                System.out.printf("[kiosk-kill] seed %d: killed at server cursor %d with %d captures confirmed; %d entries synced exactly once%n",
                        seed, cursorAtKill, confirmed.size(), lastSeq);
            } finally {
                kiosk.close();
            }
        }
    }

    /** Creates the kiosk at the server and the cashier office's staff accounts (a cashier, two cashier leads); returns the enrolment code. */
    static String enrolmentCode(String serverUrl, String adminPassword) throws Exception {
        Client admin = new Client(serverUrl);
        Answer login = admin.send("POST", "/api/auth/login", Map.of("username", "admin", "password", adminPassword), null);
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        String token = login.body().path("token").asText();
        Answer created = admin.send("POST", "/api/admin/kiosks", Map.of("name", "收费1号窗", "departmentCode", "SFC"), token);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        StaffAccounts.cashierOffice(admin, token);
        return created.body().path("code").asText();
    }

    private static long awaitCursorAbove(SyncServer server, String kioskId, long atLeast, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            long cursor = cursor(server, kioskId);
            if (cursor >= atLeast) {
                return cursor;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the server never held " + atLeast + " entries of " + kioskId);
    }

    /** Waits until the server's cursor equals the kiosk's last sequence; returns it. */
    static long awaitDrained(SyncServer server, Client kiosk, String kioskId, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        long lastSeq = -1;
        long cursor = -1;
        while (Instant.now().isBefore(until)) {
            lastSeq = kiosk.ok("GET", "/api/journal/integrity", null).path("lastSeq").asLong();
            cursor = cursor(server, kioskId);
            if (cursor == lastSeq && kiosk.ok("GET", "/api/sync/status", null).path("unsent").asLong() == 0) {
                return lastSeq;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not drained: kiosk at " + lastSeq + ", server cursor " + cursor);
    }

    private static long cursor(SyncServer server, String kioskId) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement ps = c.prepareStatement("select cursor_seq from sync_kiosk where kiosk_id = ?")) {
            ps.setString(1, kioskId);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (java.sql.SQLException notYet) {
            return 0;
        }
    }

    /** The server's rows of one kiosk, in kiosk order, as envelopes rebuilt from their columns. */
    static List<JournalEntry> serverHolds(SyncServer server, String kioskId) throws Exception {
        List<JournalEntry> held = new ArrayList<>();
        try (Connection c = server.jdbc();
             PreparedStatement ps = c.prepareStatement("select * from sync_entry where kiosk_id = ? order by kiosk_seq")) {
            ps.setString(1, kioskId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    held.add(new JournalEntry(r.getObject("entry_id", UUID.class), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                            r.getString("stream_type"), r.getObject("stream_id", UUID.class), r.getInt("stream_version"),
                            r.getString("event_type"), r.getInt("schema_version"), r.getString("payload"), r.getString("content_hash"),
                            r.getObject("recorded_at", OffsetDateTime.class).toInstant().plusNanos(r.getShort("recorded_at_nanos")),
                            r.getLong("hlc"), r.getString("actor")));
                }
            }
        }
        return held;
    }
}
