package org.hospital.continuity.server.backup.persistence;

import org.hospital.continuity.server.backup.app.BackupConfig;

import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.quarkus.logging.Log;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hospital.continuity.server.backup.domain.TableCheck;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.platform.persistence.SchemaMigrator;

/**
 * HR-19, EP-7.5: the backup restore test. The embedded PostgreSQL ships no {@code pg_dump}, so the backup is a
 * logical export this class writes: every table of the public schema, read in one REPEATABLE READ snapshot, one
 * JSON line per row ({@code {"t": table, "r": row}}), gzip. The test then takes the latest backup file, creates the
 * scratch database afresh, builds the schema there with the server's own schema scripts, loads the rows (triggers
 * off for the load), and compares every table: row count and an MD5 over the rows' JSON text in a stable order
 * (incident, engine and sync tables included). The result is recorded in {@code restore_test}. Blocking: run it on a
 * worker thread, never on the event loop. Rows are held in memory per table (fine for a hospital's continuity
 * database; a very large one wants the PostgreSQL tools).
 */
@ApplicationScoped
public class TestingRestore {

    public record Result(UUID id, Instant startedAt, Instant finishedAt, String backupFile, long backupBytes, String scratchDb,
                         boolean ok, List<TableCheck> tables, String detail) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Pool pool;
    private final Vertx vertx;
    private final SchemaMigrator migrator;
    private final BackupConfig config;
    private final ContinuityServerConfig server;
    private final InstantSource clock;

    public TestingRestore(Pool pool, Vertx vertx, SchemaMigrator migrator, BackupConfig config, ContinuityServerConfig server,
                          InstantSource clock) {
        this.pool = pool;
        this.vertx = vertx;
        this.migrator = migrator;
        this.config = config;
        this.server = server;
        this.clock = clock;
    }

    public Path backupDir() {
        return Path.of(config.dir().orElse(Path.of(server.dataDir(), "backups").toString()));
    }

    /** Takes a backup, restores the latest backup into the scratch database, verifies it and records the result. */
    public synchronized Result run(String by) {
        Instant started = clock.instant();
        UUID id = UUID.randomUUID();
        Path file = null;
        List<TableCheck> checks = new ArrayList<>();
        String detail;
        boolean ok;
        try {
            Map<String, String[]> source = backup(started);
            file = latestBackup();
            checks = restoreAndCompare(file);
            ok = TableCheck.allOk(checks);
            long bad = checks.stream().filter(c -> !c.ok()).count();
            detail = ok ? checks.size() + " tables restored and identical" : bad + " of " + checks.size() + " tables differ after restore";
            Log.infof("restore test %s: %s (backup %s, %d tables in the source)", ok ? "passed" : "FAILED", detail, file.getFileName(), source.size());
        } catch (RuntimeException | IOException e) {
            ok = false;
            detail = "restore test failed: " + e.getMessage();
            Log.errorf("restore test failed: %s", e.toString());
        }
        Instant finished = clock.instant();
        long bytes = 0;
        try {
            bytes = file == null ? 0 : Files.size(file);
        } catch (IOException ignored) {
            // reported as 0
        }
        Result r = new Result(id, started, finished, file == null ? "" : file.toString(), bytes, config.scratchDatabase(), ok,
                List.copyOf(checks), detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        record(r, by);
        return r;
    }

    private void record(Result r, String by) {
        JsonArray tables = new JsonArray();
        r.tables().forEach(t -> tables.add(new JsonObject().put("table", t.table()).put("rows", t.rows()).put("restoredRows", t.restoredRows())
                .put("checksum", t.checksum()).put("restoredChecksum", t.restoredChecksum()).put("ok", t.ok())));
        pool.preparedQuery("insert into restore_test (id, started_at, finished_at, backup_file, backup_bytes, scratch_db, ok, tables, detail, run_by)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(java.util.Arrays.asList(r.id(), ts(r.startedAt()), ts(r.finishedAt()), r.backupFile(), r.backupBytes(),
                        r.scratchDb(), r.ok(), tables, r.detail(), by)))
                .await().atMost(Duration.ofSeconds(30));
    }

    private static List<String> tables(SqlConnection c) {
        List<String> out = new ArrayList<>();
        c.query("select tablename from pg_tables where schemaname = 'public' order by tablename").execute().await().atMost(Duration.ofSeconds(30))
                .forEach(r -> out.add(r.getString("tablename")));
        return out;
    }

    private static String ident(String table) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("unexpected table name " + table);
        }
        return table;
    }

    /** Count and checksum of every table (in the caller's transaction snapshot). */
    private static Map<String, String[]> checksums(SqlConnection c, List<String> tables) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String t : tables) {
            Row r = c.query("select count(*) as n, coalesce(md5(string_agg(j, '|' order by j)), '') as sum from (select row_to_json(x)::text as j from "
                    + ident(t) + " x) s").execute().await().atMost(Duration.ofMinutes(5)).iterator().next();
            out.put(t, new String[]{Long.toString(r.getLong("n")), r.getString("sum")});
        }
        return out;
    }

    /** Writes a backup file of every table from one consistent snapshot; returns the source's counts and checksums. */
    Map<String, String[]> backup(Instant at) throws IOException {
        Files.createDirectories(backupDir());
        Path file = backupDir().resolve("continuity-" + STAMP.format(at) + ".jsonl.gz");
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        SqlConnection c = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            c.query("begin isolation level repeatable read read only").execute().await().atMost(Duration.ofSeconds(30));
            List<String> tables = tables(c);
            Map<String, String[]> sums = checksums(c, tables);
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8))) {
                w.write(new JsonObject().put("backup", "continuity-server logical backup v1").put("at", at.toString())
                        .put("checksums", JsonObject.mapFrom(toMap(sums))).encode());
                w.newLine();
                for (String t : tables) {
                    for (Row r : c.query("select row_to_json(x)::text as j from " + ident(t) + " x").execute().await().atMost(Duration.ofMinutes(5))) {
                        w.write("{\"t\":\"" + t + "\",\"r\":" + r.getString("j") + "}");
                        w.newLine();
                    }
                }
            }
            c.query("commit").execute().await().atMost(Duration.ofSeconds(30));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            prune();
            Log.infof("backup written: %s (%d bytes, %d tables)", file, Files.size(file), tables.size());
            return sums;
        } finally {
            c.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private static Map<String, Object> toMap(Map<String, String[]> sums) {
        Map<String, Object> m = new LinkedHashMap<>();
        sums.forEach((k, v) -> m.put(k, List.of(Long.parseLong(v[0]), v[1])));
        return m;
    }

    private void prune() throws IOException {
        List<Path> files = backups();
        for (int i = 0; i < files.size() - Math.max(1, config.keep()); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> s = Files.list(backupDir())) {
            return s.filter(p -> p.getFileName().toString().matches("continuity-\\d{8}-\\d{6}\\.jsonl\\.gz")).sorted().toList();
        }
    }

    public Path latestBackup() throws IOException {
        List<Path> files = backups();
        if (files.isEmpty()) {
            throw new IllegalStateException("no backup in " + backupDir());
        }
        return files.get(files.size() - 1);
    }

    /** Restores the file into the scratch database (created afresh) and compares it with the checksums in its header. */
    List<TableCheck> restoreAndCompare(Path file) throws IOException {
        String scratch = config.scratchDatabase();
        if (!scratch.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("bad scratch database name " + scratch);
        }
        pool.query("drop database if exists " + scratch + " with (force)").execute().await().atMost(Duration.ofMinutes(1));
        pool.query("create database " + scratch).execute().await().atMost(Duration.ofMinutes(1));
        PgConnectOptions options = PgConnectOptions.fromUri(ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class)
                .replaceFirst("^vertx-reactive:", ""));
        ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        options.setDatabase(scratch);
        Pool target = io.vertx.mutiny.pgclient.PgPool.pool(vertx, options, new PoolOptions().setMaxSize(1));
        try {
            migrator.migrate(target);
            JsonObject header;
            SqlConnection c = target.getConnection().await().atMost(Duration.ofSeconds(30));
            try {
                c.query("begin").execute().await().atMost(Duration.ofSeconds(30));
                List<String> tables = tables(c);
                for (String t : tables) {
                    c.query("alter table " + ident(t) + " disable trigger all").execute().await().atMost(Duration.ofSeconds(30));
                }
                c.query("truncate " + String.join(", ", tables.stream().map(TestingRestore::ident).toList()) + " cascade").execute()
                        .await().atMost(Duration.ofMinutes(1));
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                    header = new JsonObject(in.readLine());
                    Map<String, List<Tuple>> batches = new LinkedHashMap<>();
                    String line;
                    while ((line = in.readLine()) != null) {
                        JsonObject o = new JsonObject(line);
                        String t = o.getString("t");
                        List<Tuple> batch = batches.computeIfAbsent(t, k -> new ArrayList<>());
                        batch.add(Tuple.of(o.getJsonObject("r").encode()));
                        if (batch.size() >= 500) {
                            insert(c, t, batch);
                            batch.clear();
                        }
                    }
                    for (Map.Entry<String, List<Tuple>> e : batches.entrySet()) {
                        insert(c, e.getKey(), e.getValue());
                    }
                }
                for (String t : tables) {
                    c.query("alter table " + ident(t) + " enable trigger all").execute().await().atMost(Duration.ofSeconds(30));
                }
                c.query("commit").execute().await().atMost(Duration.ofMinutes(1));
                JsonObject expected = header.getJsonObject("checksums");
                List<String> all = new ArrayList<>(expected.fieldNames());
                Map<String, String[]> restored = checksums(c, all.stream().filter(tables::contains).toList());
                List<TableCheck> out = new ArrayList<>();
                for (String t : all) {
                    JsonArray e = expected.getJsonArray(t);
                    String[] got = restored.getOrDefault(t, new String[]{"-1", "missing"});
                    out.add(new TableCheck(t, e.getLong(0), Long.parseLong(got[0]), e.getString(1), got[1]));
                }
                out.sort(java.util.Comparator.comparing((TableCheck x) -> !TableCheck.key(x.table())).thenComparing(TableCheck::table));
                return out;
            } finally {
                c.close().await().atMost(Duration.ofSeconds(10));
            }
        } finally {
            target.close().await().atMost(Duration.ofSeconds(10));
            pool.query("drop database if exists " + scratch + " with (force)").execute().await().atMost(Duration.ofMinutes(1));
        }
    }

    private static void insert(SqlConnection c, String table, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return;
        }
        c.preparedQuery("insert into " + ident(table) + " select * from json_populate_record(null::" + ident(table) + ", ($1::text)::json)")
                .executeBatch(rows).await().atMost(Duration.ofMinutes(5));
    }

    /** The latest restore test, or null. */
    public JsonObject latest() {
        List<JsonObject> one = history(1);
        return one.isEmpty() ? null : one.get(0);
    }

    /** The restore tests run so far, newest first, at most {@code limit} (HR-19: the history IT shows the auditors). */
    public List<JsonObject> history(int limit) {
        var rows = pool.preparedQuery("select id, started_at, finished_at, backup_file, backup_bytes, scratch_db, ok, tables, detail, run_by"
                + " from restore_test order by finished_at desc limit $1").execute(Tuple.of(limit)).await().atMost(Duration.ofSeconds(30));
        List<JsonObject> out = new java.util.ArrayList<>();
        for (Row r : rows) {
            out.add(new JsonObject().put("id", r.getUUID("id").toString()).put("startedAt", r.getOffsetDateTime("started_at").toInstant().toString())
                    .put("finishedAt", r.getOffsetDateTime("finished_at").toInstant().toString()).put("backupFile", r.getString("backup_file"))
                    .put("backupBytes", r.getLong("backup_bytes")).put("scratchDb", r.getString("scratch_db")).put("ok", r.getBoolean("ok"))
                    .put("tables", r.getValue("tables")).put("detail", r.getString("detail")).put("runBy", r.getString("run_by")));
        }
        return out;
    }

    /** When the last successful restore test finished, or null. */
    /** When the server's schema was first installed (the first schema script applied): the age of a never-tested database. */
    public Instant installedAt() {
        var t = pool.query("select min(applied_at) as at from schema_migration").execute().await().atMost(Duration.ofSeconds(30))
                .iterator().next().getOffsetDateTime("at");
        return t == null ? null : t.toInstant();
    }

    public Instant lastSuccess() {
        var rows = pool.query("select max(finished_at) as at from restore_test where ok").execute().await().atMost(Duration.ofSeconds(30));
        var t = rows.iterator().next().getOffsetDateTime("at");
        return t == null ? null : t.toInstant();
    }
}
