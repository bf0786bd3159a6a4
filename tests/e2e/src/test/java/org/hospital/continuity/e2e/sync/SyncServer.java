package org.hospital.continuity.e2e.sync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.e2e.AppProcess;

/**
 * The packaged continuity server as a separate JVM on a PostgreSQL that the test owns, so that the
 * server can be killed (-9) and restarted on the same data, and the test can read the tables.
 */
public final class SyncServer implements AutoCloseable {

    public static final String KIOSK_SECRET = "e2e-kiosk-secret";

    /** The server JVM's heap options unless -Dbench.server.heap says otherwise. */
    public static final String DEFAULT_HEAP = "-Xms1g -Xmx1g -XX:+AlwaysPreTouch";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Collection<String> kiosks;
    private final Map<String, String> extra;
    private AppProcess process;
    private String baseUrl;

    private SyncServer(EmbeddedPostgres postgres, Path dataDir, Collection<String> kiosks, Map<String, String> extra) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.kiosks = kiosks;
        this.extra = extra;
    }

    /** A fresh database (durable commits, as in production) and a server knowing these kiosks' credentials. */
    public static SyncServer start(Path dataDir, Collection<String> kiosks, Map<String, String> extra) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        SyncServer s = new SyncServer(pg, dataDir, kiosks, extra);
        s.launch(0);
        return s;
    }

    /** Starts the server JVM (again); port 0 picks a free one. */
    public void launch(int port) throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("continuity.data-dir", dataDir.toString());
        props.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + postgres.getPort() + "/postgres");
        props.put("quarkus.datasource.username", "postgres");
        props.put("quarkus.datasource.password", "postgres");
        String hash = sha256(KIOSK_SECRET);
        for (String k : kiosks) {
            props.put("continuity.sync-receiver.interim-credentials." + k, hash);
        }
        props.putAll(extra);
        // -Dbench.jfr=/path/file.jfr records a flight recording of the server, to see where its time goes
        Map<String, String> env = System.getProperty("bench.jfr") == null ? Map.of()
                : Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + System.getProperty("bench.jfr") + ",settings=profile");
        // the recommended production heap (docs/operations.md): fixed at 1 GB and touched at start, so the push
        // does not pay for growing it; -Dbench.server.heap="..." replaces it (options separated by spaces)
        List<String> jvm = List.of(System.getProperty("bench.server.heap", DEFAULT_HEAP).trim().split("\\s+"));
        process = AppProcess.start("server", AppProcess.root().resolve("continuity-server/target/quarkus-app/quarkus-run.jar"), jvm, props, env);
        baseUrl = process.awaitBaseUrl(Duration.ofSeconds(90));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1).replace("/", ""));
    }

    public long pid() {
        return process.pid();
    }

    /** The PostgreSQL postmaster's process id (first line of postmaster.pid in its data directory). */
    public long postmasterPid() throws Exception {
        try (Connection c = jdbc(); var st = c.createStatement();
             var rs = st.executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            rs.next();
            return Long.parseLong(java.nio.file.Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
        }
    }

    /** The port of the test's PostgreSQL (user and password {@code postgres}, database {@code postgres}). */
    public int postgresPort() {
        return postgres.getPort();
    }

    public void kill() throws InterruptedException {
        process.kill();
    }

    public Connection jdbc() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // best effort at the end of a test
            }
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
