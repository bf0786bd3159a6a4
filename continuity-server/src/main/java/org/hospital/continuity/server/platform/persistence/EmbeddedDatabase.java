package org.hospital.continuity.server.platform.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL 15 for the zero-install run command (see docs/architecture.md, decision
 * "embedded PostgreSQL"). Only used when no datasource is configured; production points
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL} at the hospital's own PostgreSQL.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String URL_PROPERTY = "quarkus.datasource.reactive.url";
    static final String URL_ENV = "QUARKUS_DATASOURCE_REACTIVE_URL";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts an embedded database unless one is configured, and points Quarkus at it. */
    public static EmbeddedDatabase startIfNoDatasourceConfigured() {
        if (isConfigured(System.getenv(URL_ENV)) || isConfigured(System.getProperty(URL_PROPERTY))
                || "false".equalsIgnoreCase(setting("continuity.embedded-db.enabled", "CONTINUITY_EMBEDDED_DB_ENABLED"))) {
            return new EmbeddedDatabase(null);
        }
        Path dir = Path.of(orDefault(setting("continuity.data-dir", "CONTINUITY_DATA_DIR"), "data/server")).resolve("postgres");
        try {
            Files.createDirectories(dir);
            StalePostmaster.stopIfRunning(dir, java.time.Duration.ofSeconds(30))
                    .ifPresent(done -> System.out.println("continuity-server: " + done + " (" + dir.toAbsolutePath() + ")"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // zonky's defaults turn synchronous_commit off; a committed sync push must survive a power cut
                    .setServerConfig("synchronous_commit", "on")
                    .setPort(Integer.parseInt(orDefault(setting("continuity.embedded-db.port", "CONTINUITY_EMBEDDED_DB_PORT"), "0")))
                    .start();
            String url = "postgresql://localhost:" + pg.getPort() + "/postgres";
            System.setProperty(URL_PROPERTY, url);
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            System.out.println("continuity-server: embedded PostgreSQL at " + url + " (data in " + dir.toAbsolutePath() + ")");
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir.toAbsolutePath()
                    + "; set QUARKUS_DATASOURCE_REACTIVE_URL to use an existing PostgreSQL", e);
        }
    }

    private static boolean isConfigured(String value) {
        return value != null && !value.isBlank();
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }

    private static String orDefault(String v, String def) {
        return v == null || v.isBlank() ? def : v;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("continuity-server: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
