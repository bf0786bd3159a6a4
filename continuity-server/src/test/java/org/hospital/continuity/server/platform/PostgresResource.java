package org.hospital.continuity.server.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL 15 for @QuarkusTest (no Docker here): one embedded instance per test JVM,
 * started on first use and stopped when the JVM exits.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres database() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** One anchor folder per JVM, like the database. */
    private static final String ANCHOR_DIR = "target/audit-anchor/" + java.util.UUID.randomUUID();

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = database();
        return Map.of(
                // HR-8: the audit anchor lives as long as this JVM's database: a fresh test database never meets the
                // checkpoints of an earlier run in the same checkout (which would read as a truncated chain)
                "continuity.audit.anchor-dir", ANCHOR_DIR,
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + pg.getPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                // the seeded administrator of the test database (never a default in application.properties)
                "continuity.auth.initial-admin.username", TestAccounts.ADMIN_USER,
                "continuity.auth.initial-admin.password", TestAccounts.ADMIN_PASSWORD);
    }

    @Override
    public void stop() {
        // kept for the whole JVM: Quarkus restarts between test profiles must not lose the database
    }
}
