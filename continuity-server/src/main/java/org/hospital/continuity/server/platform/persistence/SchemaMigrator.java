package org.hospital.continuity.server.platform.persistence;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.annotation.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the features' SQL scripts at start-up, each exactly once, under a PostgreSQL advisory
 * lock so that two server instances starting together against one database do not race.
 * A shipped script whose content changed is refused (the checksum is recorded).
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final long LOCK_KEY = 0x436f6e74696e75L; // "Continu"

    private final Pool pool;
    private final Instance<SchemaScripts> contributions;

    public SchemaMigrator(Pool pool, Instance<SchemaScripts> contributions) {
        this.pool = pool;
        this.contributions = contributions;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        migrate();
    }

    public void migrate() {
        migrate(pool);
    }

    /** Applies every script to another database (the scratch database of a restore test). */
    public void migrate(Pool pool) {
        List<String> scripts = contributions.stream()
                .flatMap(c -> c.scripts().stream())
                .sorted(Comparator.comparing(SchemaMigrator::fileName))
                .toList();
        pool.withTransaction(conn -> conn.query("select pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .chain(() -> conn.query("""
                        create table if not exists schema_migration (
                          script varchar(200) primary key,
                          checksum char(64) not null,
                          applied_at timestamptz not null default now())""").execute())
                .chain(() -> conn.query("select script, checksum from schema_migration").execute())
                .chain(rows -> {
                    var applied = new java.util.HashMap<String, String>();
                    rows.forEach(r -> applied.put(r.getString("script"), r.getString("checksum")));
                    io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
                    for (String script : scripts) {
                        String name = fileName(script);
                        String sql = read(script);
                        String sum = sha256(sql);
                        if (applied.containsKey(name)) {
                            if (!applied.get(name).equals(sum)) {
                                throw new IllegalStateException("Schema script " + name
                                        + " changed after it was applied; add a new script instead");
                            }
                            continue;
                        }
                        chain = chain.chain(() -> conn.query(sql).execute())
                                .chain(() -> conn.preparedQuery("insert into schema_migration(script, checksum) values ($1, $2)")
                                        .execute(Tuple.of(name, sum)))
                                .invoke(() -> Log.infof("schema script applied: %s", name))
                                .replaceWithVoid();
                    }
                    return chain;
                }))
                .await().atMost(Duration.ofMinutes(2));
    }

    /** Names of all scripts known to this build, for tests and diagnostics. */
    public Set<String> knownScripts() {
        return contributions.stream().flatMap(c -> c.scripts().stream()).map(SchemaMigrator::fileName)
                .collect(Collectors.toSet());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Schema script not on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
