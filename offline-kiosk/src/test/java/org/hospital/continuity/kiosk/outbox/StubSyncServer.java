package org.hospital.continuity.kiosk.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.continuity.sync.protocol.KioskCursor;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.PushReceipt;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.WireEntry;

/**
 * A stand-in for the server's push endpoint: keeps what it receives, answers receipts computed with
 * the protocol's own cursor rules, and can be told to answer 429 Retry-After or to fail.
 */
public final class StubSyncServer {

    /** One request as received. */
    public record Seen(Instant at, String body, int answered) {
    }

    private final HttpServer http;
    private final ObjectMapper json = SyncJson.mapper();
    private final TreeMap<Long, WireEntry> held = new TreeMap<>();
    private final List<Seen> seen = new ArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private volatile boolean down;
    private volatile byte[] nextAnswerVerbatim;

    public StubSyncServer(int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        http.createContext(SyncProtocol.PUSH_PATH, this::handle);
        http.start();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public void stop() {
        http.stop(0);
    }

    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    /** The next push with entries gets these bytes as its 200 answer (a golden receipt). */
    public void answerNextPushWith(byte[] receipt) {
        nextAnswerVerbatim = receipt;
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    public synchronized TreeMap<Long, WireEntry> held() {
        return new TreeMap<>(held);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status;
        byte[] answer;
        synchronized (this) {
            if (!"Basic a2lvc2stc2YtMDE6c2YtMDEtc2VjcmV0".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = "{\"type\":\"/problems/unknown-kiosk\",\"status\":401}".getBytes();
            } else if (down) {
                status = 502;
                answer = new byte[0];
            } else if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 429;
                ex.getResponseHeaders().add("Retry-After", "1");
                answer = "{\"type\":\"/problems/sync-busy\",\"status\":429}".getBytes();
            } else {
                PushBatch batch = json.readValue(body, PushBatch.class);
                long before = KioskCursor.advance(0, held.keySet().stream().mapToLong(Long::longValue).toArray()).cursor();
                int accepted = 0;
                for (WireEntry e : batch.entriesOrEmpty()) {
                    if (held.putIfAbsent(e.kioskSeq(), e) == null) {
                        accepted++;
                    }
                }
                KioskCursor c = KioskCursor.advance(before, held.keySet().stream().mapToLong(Long::longValue).toArray());
                status = 200;
                if (nextAnswerVerbatim != null && !batch.entriesOrEmpty().isEmpty()) {
                    answer = nextAnswerVerbatim;
                    nextAnswerVerbatim = null;
                } else {
                    answer = json.writeValueAsBytes(new PushReceipt(1, batch.kioskId(), c.cursor(), c.highestHeld(), c.gaps(),
                            accepted, batch.entriesOrEmpty().size() - accepted, 0, List.of(), Instant.now()));
                }
            }
            seen.add(new Seen(Instant.now(), body, status));
        }
        ex.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            ex.getResponseBody().write(answer);
        }
        ex.close();
    }
}
