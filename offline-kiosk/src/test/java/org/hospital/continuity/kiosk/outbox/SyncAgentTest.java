package org.hospital.continuity.kiosk.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hospital.continuity.kiosk.outbox.app.SyncAgent;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.WireEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The kiosk's sync agent against a stand-in server: it sends exactly the golden push, obeys
 * Retry-After, pushes new entries on its own while the server answers, backs off while it does
 * not, and the banner API shows the backlog draining.
 */
@QuarkusTest
@TestProfile(SyncAgentTest.WithStubServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncAgentTest {

    static StubSyncServer SERVER;

    /**
     * The profile and the test run in different class loaders: they share the stub's port through a
     * system property, and only the test starts the stub (the agent retries until it answers).
     */
    public static class WithStubServer implements QuarkusTestProfile {

        static int port() {
            synchronized (System.class) {
                String p = System.getProperty("sync-agent-test.stub-port");
                if (p == null) {
                    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                        p = Integer.toString(s.getLocalPort());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    System.setProperty("sync-agent-test.stub-port", p);
                }
                return Integer.parseInt(p);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.server-url", "http://127.0.0.1:" + port(),
                    "continuity.sync.interval", "0.2s",
                    "continuity.sync.min-backoff-millis", "100",
                    "continuity.sync.max-backoff-millis", "400",
                    "continuity.sync.request-timeout-millis", "3000",
                    "continuity.data-dir", "target/kiosk-sync-agent-test");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(InMemoryJournal.class);
        }
    }

    private final ObjectMapper json = SyncJson.mapper();

    @org.junit.jupiter.api.BeforeAll
    static void startStub() throws IOException {
        SERVER = new StubSyncServer(WithStubServer.port());
    }

    @org.junit.jupiter.api.AfterAll
    static void stopStub() {
        if (SERVER != null) {
            SERVER.stop();
        }
    }

    @Inject
    InMemoryJournal journal;

    @Inject
    SyncAgent agent;

    private static String golden(String name) {
        try {
            return Files.readString(Path.of("..", "sync", "src", "test", "resources", "contract", "v1", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: %s", what).isBefore(until);
            Thread.sleep(50);
        }
    }

    private static JournalEntry entry(long seq) {
        return JournalEntry.seal(UUID.randomUUID(), "kiosk-sf-01", seq, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                "{\"feeFen\":" + (seq * 100) + "}", Instant.now(), seq << 16, "acct-7");
    }

    @Test
    @Order(1)
    @DisplayName("contract: the agent sends exactly the golden push, obeys Retry-After, and reads the golden receipt")
    void sendsTheGoldenPushObeyingRetryAfter() throws Exception {
        PushBatch golden = json.readValue(golden("push-batch.json"), PushBatch.class);
        SERVER.throttleNext(1);
        SERVER.answerNextPushWith(golden("push-receipt.json").getBytes());
        golden.entries().forEach(w -> journal.append(w.toEnvelope()));

        await("the golden entries are confirmed", () -> agent.status().unsent() == 0);

        List<StubSyncServer.Seen> seen = SERVER.seen();
        int throttled = seen.stream().map(StubSyncServer.Seen::answered).toList().indexOf(429);
        assertThat(throttled).as("a 429 was answered").isGreaterThanOrEqualTo(0);
        assertThat(Duration.between(seen.get(throttled).at(), seen.get(throttled + 1).at())).as("Retry-After: 1 obeyed")
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));
        StubSyncServer.Seen withEntries = seen.stream().filter(s -> s.answered() == 200 && s.body().contains("\"entries\":[{")).findFirst().orElseThrow();
        JsonNode sent = json.readTree(withEntries.body());
        JsonNode expected = json.readTree(golden("push-batch.json"));
        ((ObjectNode) sent).remove("batchId");
        ((ObjectNode) expected).remove("batchId");
        assertThat(sent).isEqualTo(expected);
        SyncAgent.Status status = agent.status();
        assertThat(status.serverCursor()).isEqualTo(2);
        assertThat(status.state()).isEqualTo("CAUGHT_UP");
    }

    @Test
    @Order(2)
    @DisplayName("new entries are pushed on their own while the server answers: the backlog stays small")
    void newEntriesArePushedAutomatically() throws Exception {
        for (long s = 3; s <= 5; s++) {
            journal.append(entry(s));
        }
        await("entries 3..5 reach the server", () -> SERVER.held().size() == 5);
        await("and are marked sent", () -> agent.status().unsent() == 0);
        for (long s = 1; s <= 5; s++) {
            WireEntry held = SERVER.held().get(s);
            assertThat(held.toEnvelope().hashMatches()).isTrue();
            assertThat(held.toEnvelope()).isEqualTo(journal.readAfter(s - 1, 1).get(0));
        }
    }

    @Test
    @Order(3)
    @DisplayName("while the server is unreachable the banner shows the backlog and its age; when it returns the backlog drains")
    void theBacklogShowsWhileOfflineAndDrainsOnReturn() throws Exception {
        SERVER.down(true);
        journal.append(entry(6));
        journal.append(entry(7));
        await("the agent notices", () -> "BACKING_OFF".equals(agent.status().state()));
        given().get("/api/sync/status").then().statusCode(200)
                .body("unsent", equalTo(2)).body("kioskId", equalTo("kiosk-sf-01")).body("state", equalTo("BACKING_OFF"));
        assertThat(agent.status().lastError()).contains("502");
        assertThat(agent.status().oldestUnsentAt()).isNotNull();

        SERVER.down(false);
        await("the backlog drains", () -> agent.status().unsent() == 0);
        assertThat(SERVER.held()).hasSize(7);
        given().post("/api/sync/push-now").then().statusCode(200).body("unsent", equalTo(0)).body("serverCursor", equalTo(7));
    }
}
