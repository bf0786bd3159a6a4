package org.hospital.continuity.server.drill;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "real HIS" of the drill test: an HTTP endpoint that counts every request it gets and answers 503. A drill
 * must never reach it (HR-21); the test asserts the count stays zero.
 */
public class CountingHisResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger REQUESTS = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        return Map.of("continuity.writeback.fhir-base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
