package org.hospital.continuity.kiosk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Starts the {@link StandInServer} and gives the kiosk a fresh data folder for the test run. */
public class StandInServerResource implements QuarkusTestResourceLifecycleManager {

    static StandInServer server;

    /** The running stand-in (issue 10 tests set what it answers; issue 11's audit test reads what it received). */
    public static StandInServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new StandInServer();
            return Map.of("continuity.server-url", server.url(),
                    "continuity.data-dir", Files.createTempDirectory("kiosk-test-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
