package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's local SQLite file: WAL journal, {@code synchronous=FULL} so that a commit is on disk
 * before the user is told "saved", one writer connection guarded by a lock (SQLite has one writer
 * anyway; this keeps transactions from interleaving).
 */
@ApplicationScoped
public class KioskDatabase {

    /** Work inside one transaction on the writer connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final KioskConfig config;
    private final Instance<KioskSchemaScripts> contributions;
    private final ReentrantLock writerLock = new ReentrantLock(true);
    private Connection writer;
    private Path file;

    public KioskDatabase(KioskConfig config, Instance<KioskSchemaScripts> contributions) {
        this.config = config;
        this.contributions = contributions;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        open();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    public synchronized void open() {
        if (writer != null) {
            return;
        }
        try {
            Path dir = Path.of(config.dataDir());
            Files.createDirectories(dir);
            file = dir.resolve("kiosk.db");
            SQLiteConfig c = new SQLiteConfig();
            c.setJournalMode(SQLiteConfig.JournalMode.WAL);
            c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            c.setBusyTimeout(5000);
            c.enforceForeignKeys(true);
            writer = c.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            migrate();
            Log.infof("kiosk database open: %s", file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the kiosk data folder " + config.dataDir(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the kiosk database in " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                Log.warnf("kiosk database did not close cleanly: %s", e.getMessage());
            }
            writer = null;
        }
    }

    public Path file() {
        return file;
    }

    public Path dataDir() {
        return Path.of(config.dataDir());
    }

    /**
     * Runs {@code work} in one transaction and commits it durably (WAL + FULL) before returning;
     * rolls back on any failure so that nothing half-written stays.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        writerLock.lock();
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                // SQLite rolls back by itself on some errors (SQLITE_FULL: "no transaction is active"
                // then); the original failure is what the caller must see, not the rollback's
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // already in autocommit after SQLite's own rollback
                }
            }
        } finally {
            writerLock.unlock();
        }
    }

    /** Reads on the same connection (under the lock, so a read never sees a half-done write). */
    public <T> T read(Work<T> work) throws SQLException {
        writerLock.lock();
        try {
            return work.run(connection());
        } finally {
            writerLock.unlock();
        }
    }

    private Connection connection() {
        if (writer == null) {
            throw new IllegalStateException("kiosk database is not open");
        }
        return writer;
    }

    private void migrate() throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute("create table if not exists schema_migration (script text primary key, applied_at text not null)");
        }
        Set<String> applied = new HashSet<>();
        try (Statement st = writer.createStatement(); ResultSet rs = st.executeQuery("select script from schema_migration")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        List<String> scripts = contributions.stream().flatMap(c -> c.scripts().stream())
                .sorted(Comparator.comparing(KioskDatabase::fileName)).toList();
        for (String script : scripts) {
            String name = fileName(script);
            if (applied.contains(name)) {
                continue;
            }
            inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(read(script))) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into schema_migration(script, applied_at) values (?, datetime('now'))")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
                return null;
            });
            Log.infof("kiosk schema script applied: %s", name);
        }
    }

    /**
     * Splits a script into statements at ';' line ends; a {@code create trigger … begin … end;}
     * block stays one statement.
     */
    static List<String> statements(String script) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\\n")) {
            String trimmed = line.trim();
            if (onlyComments(current.toString()) && trimmed.toLowerCase(java.util.Locale.ROOT).startsWith("create trigger")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("end;") : trimmed.endsWith(";");
            if (ends) {
                String sql = current.toString().trim();
                if (!inTrigger) {
                    sql = sql.substring(0, sql.length() - 1);
                }
                if (!onlyComments(sql)) {
                    out.add(sql);
                }
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!onlyComments(current.toString())) {
            out.add(current.toString().trim());
        }
        return out;
    }

    private static boolean onlyComments(String sql) {
        return sql.lines().map(String::trim).allMatch(l -> l.isEmpty() || l.startsWith("--"));
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
}
