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
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * The kiosk's local SQLite file: WAL journal, {@code synchronous=FULL} so that a commit is on disk
 * before the user is told "saved".
 *
 * <p><b>Group commit.</b> One writer thread owns the writer connection. {@link #inTransaction} hands
 * its work to that thread and waits. The thread takes every piece of work that is waiting, runs each
 * inside its own savepoint (a piece that fails is rolled back alone and its caller gets the
 * failure), then commits them all in ONE transaction — one fsync of the WAL for the whole group —
 * and only then completes the callers. A caller is therefore told "saved" only after its commit is
 * durable, exactly as with one transaction per capture; under concurrency (several cashier windows)
 * one fsync covers several captures. If the group's commit fails, every caller of the group gets the
 * failure and nothing of the group is stored. A storage-level error (I/O, disk full, busy) inside
 * one piece aborts the whole group, because SQLite may have rolled the transaction back already.
 *
 * <p><b>Checkpoints</b> do not run on the writer thread: SQLite's automatic checkpoint would copy the
 * WAL into the database file (and fsync it) inside whichever commit crosses the threshold, so one
 * cashier in a thousand would wait for it. The writer connection has {@code wal_autocheckpoint=0};
 * a "kiosk-checkpointer" thread with a connection of its own runs a PASSIVE checkpoint after every
 * {@value #CHECKPOINT_EVERY} commits or once a second, whichever comes first, while the writer goes
 * on committing (WAL allows both at once). A checkpoint that fails (a full disk) is retried at the
 * next round; the WAL then just grows, and nothing committed is affected. A checkpoint from another
 * connection can never quite finish while the writer keeps appending (it copies up to where the WAL
 * was when it began), and the WAL restarts from its beginning only after a complete one: under a
 * steady stream of captures the WAL file grew without bound (494 MiB in the benchmark) and every
 * commit extended the file. So every {@value #CHECKPOINT_EVERY} commits the writer runs a PASSIVE
 * checkpoint itself, between groups: the checkpointer has already copied all but the last frames, so
 * it is short, and it completes, so the next commit writes the WAL from its start again.
 * {@code journal_size_limit} truncates a WAL that grew (a long read) back to 16 MiB after such a reset.
 *
 * <p><b>Reads</b> run on a small pool of separate read-only connections (WAL lets them read while
 * the writer commits) and see committed data only; a read from inside a transaction's work runs on
 * the writer connection and sees that transaction's own writes.
 */
@ApplicationScoped
public class KioskDatabase {

    /** Work inside one transaction on the writer connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The most captures one commit may carry (bounds the latency of the last one in a group). */
    static final int MAX_GROUP = 64;
    private static final int READERS = 3;
    /** Commits after which the checkpointer is woken (it also runs once a second when anything was committed). */
    static final int CHECKPOINT_EVERY = 50;
    /** SQLite primary result codes after which a transaction may already be rolled back or the file is unusable. */
    private static final Set<Integer> FATAL_CODES = Set.of(4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 26);

    private final KioskConfig config;
    private final Instance<KioskSchemaScripts> contributions;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final List<Runnable> rollbackListeners = new CopyOnWriteArrayList<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private BlockingQueue<Connection> readers;
    private List<Connection> allReaders = List.of();
    private Connection writer;
    private volatile Thread writerThread;
    private volatile Thread checkpointThread;
    private Connection checkpointer;
    private final AtomicLong commitsSinceCheckpoint = new AtomicLong();
    private long commitsSinceWriterCheckpoint;
    private volatile boolean running;
    private Path file;
    private final GroupStats stats = new GroupStats();

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
            try (Statement st = writer.createStatement()) {
                st.execute("pragma wal_autocheckpoint = 0"); // the checkpointer thread does it, off the commit path
                st.execute("pragma journal_size_limit = 16777216");
                st.execute("pragma temp_store = memory");
                st.execute("pragma cache_size = -16384"); // 16 MiB of page cache for the writer
            }
            migrate();
            fireRollback(); // state kept beside the database (journal head, audit chain head) is re-read from the file
            SQLiteConfig k = new SQLiteConfig();
            k.setJournalMode(SQLiteConfig.JournalMode.WAL);
            k.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            k.setBusyTimeout(5000);
            checkpointer = k.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SQLiteConfig r = new SQLiteConfig();
            r.setBusyTimeout(5000);
            List<Connection> opened = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection reader = r.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                try (Statement st = reader.createStatement()) {
                    st.execute("pragma query_only = 1");
                }
                opened.add(reader);
            }
            allReaders = List.copyOf(opened);
            readers = new ArrayBlockingQueue<>(READERS, false, opened);
            running = true;
            Thread t = new Thread(this::writerLoop, "kiosk-journal-writer");
            t.setDaemon(true);
            writerThread = t;
            t.start();
            Connection own = checkpointer;
            Thread cp = new Thread(() -> checkpointLoop(own), "kiosk-checkpointer");
            cp.setDaemon(true);
            checkpointThread = cp;
            cp.start();
            Log.infof("kiosk database open: %s", file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the kiosk data folder " + config.dataDir(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the kiosk database in " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    public synchronized void close() {
        if (writer == null) {
            return;
        }
        running = false;
        Thread t = writerThread;
        if (t != null) {
            queue.add(Pending.STOP);
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writerThread = null;
        Thread cp = checkpointThread;
        if (cp != null) {
            LockSupport.unpark(cp);
            try {
                cp.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checkpointThread = null;
        if (checkpointer != null) {
            closeQuietly(checkpointer);
            checkpointer = null;
        }
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            p.fail(new SQLException("kiosk database closed"));
        }
        for (Connection c : allReaders) {
            closeQuietly(c);
        }
        allReaders = List.of();
        statements.values().forEach(KioskDatabase::closeQuietly);
        statements.clear();
        closeQuietly(writer);
        writer = null;
    }

    public Path file() {
        return file;
    }

    public Path dataDir() {
        return Path.of(config.dataDir());
    }

    /**
     * Runs {@code work} in a transaction and returns only after that transaction is committed durably
     * (WAL + FULL), possibly together with other callers' work (group commit). On any failure of
     * {@code work} its writes are rolled back and the failure is thrown here; nothing half-written stays.
     * Called from inside another transaction's work, it runs nested (a savepoint) in that transaction.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        if (Thread.currentThread() == writerThread) {
            return nested(work);
        }
        if (!running) {
            synchronized (this) {
                if (!running) {
                    return direct(work);
                }
            }
        }
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        return pending.await();
    }

    /**
     * Reads committed data on a read connection; from inside a transaction's work, on the writer
     * connection (seeing that transaction's writes).
     */
    public <T> T read(Work<T> work) throws SQLException {
        if (Thread.currentThread() == writerThread) {
            return work.run(writer);
        }
        BlockingQueue<Connection> pool = readers;
        if (pool == null || !running) {
            synchronized (this) {
                return work.run(connection());
            }
        }
        Connection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
        try {
            return work.run(c);
        } finally {
            pool.add(c);
        }
    }

    /**
     * A prepared statement of the writer connection, prepared once and reused: only for the
     * connection a transaction's work was given, never closed by the caller (close its ResultSets).
     * Every parameter must be set on every use.
     */
    public PreparedStatement statement(Connection c, String sql) throws SQLException {
        if (c != writer) {
            throw new IllegalArgumentException("cached statements belong to the writer connection");
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = writer.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /**
     * Called (on the writer thread) whenever writes are rolled back — one capture's savepoint or a
     * whole group — so that state kept in memory beside the database can be dropped and re-read.
     */
    public void onRollback(Runnable listener) {
        rollbackListeners.add(listener);
    }

    /** Counters of the group commit: commits, captures committed, largest group. */
    public GroupStats groupStats() {
        return stats;
    }

    /** Commits and captures since start: captures / commits is the mean group size. */
    public static final class GroupStats {
        private final AtomicLong commits = new AtomicLong();
        private final AtomicLong captures = new AtomicLong();
        private final AtomicLong largest = new AtomicLong();
        private final AtomicLong workNanos = new AtomicLong();
        private final AtomicLong commitNanos = new AtomicLong();
        private final AtomicLong checkpoints = new AtomicLong();
        private final AtomicLong writerCheckpoints = new AtomicLong();

        public long commits() {
            return commits.get();
        }

        public long captures() {
            return captures.get();
        }

        public long largest() {
            return largest.get();
        }

        /** Time the writer thread spent running captures' work (inside the transaction, before the commit). */
        public long workNanos() {
            return workNanos.get();
        }

        /** Time the writer thread spent in commits (the durable WAL write and fsync). */
        public long commitNanos() {
            return commitNanos.get();
        }

        /** Checkpoints run by the checkpointer thread. */
        public long checkpoints() {
            return checkpoints.get();
        }

        /** Checkpoints run by the writer thread between groups (they let the WAL start over). */
        public long writerCheckpoints() {
            return writerCheckpoints.get();
        }

        void record(int size, long work, long commit) {
            commits.incrementAndGet();
            captures.addAndGet(size);
            largest.accumulateAndGet(size, Math::max);
            workNanos.addAndGet(work);
            commitNanos.addAndGet(commit);
        }
    }

    private void writerLoop() {
        List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            Pending<?> first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            if (first == Pending.STOP) {
                return;
            }
            group.clear();
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            boolean stop = group.remove(Pending.STOP);
            if (!group.isEmpty()) {
                commitGroup(group);
            }
            if (stop) {
                return;
            }
        }
    }

    /** One transaction for the whole group; each piece in its own savepoint; callers completed after the commit. */
    private void commitGroup(List<Pending<?>> group) {
        List<Pending<?>> done = new ArrayList<>(group.size());
        try {
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            group.forEach(p -> p.fail(e));
            return;
        }
        SQLException fatal = null;
        long t0 = System.nanoTime();
        for (Pending<?> p : group) {
            if (fatal != null) {
                p.fail(fatal);
                continue;
            }
            Savepoint sp = null;
            try {
                sp = writer.setSavepoint();
                p.run(writer);
                writer.releaseSavepoint(sp);
                done.add(p);
            } catch (Throwable e) {
                if (e instanceof SQLException sql && isFatal(sql)) {
                    fatal = sql;
                    p.fail(e);
                    continue;
                }
                try {
                    if (sp != null) {
                        writer.rollback(sp);
                        writer.releaseSavepoint(sp);
                    }
                    fireRollback();
                    p.fail(e);
                } catch (SQLException rollbackFailed) {
                    fatal = rollbackFailed;
                    p.fail(e);
                }
            }
        }
        if (fatal != null) {
            rollbackQuietly();
            fireRollback();
            for (Pending<?> p : done) {
                p.fail(fatal);
            }
            return;
        }
        long t1 = System.nanoTime();
        try {
            writer.commit(); // durable here: WAL fsync (synchronous=FULL)
        } catch (SQLException e) {
            rollbackQuietly();
            fireRollback();
            for (Pending<?> p : done) {
                p.fail(e);
            }
            return;
        } finally {
            try {
                writer.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next group sets it again
            }
        }
        stats.record(done.size(), t1 - t0, System.nanoTime() - t1);
        for (Pending<?> p : done) {
            p.succeed();
        }
        if (commitsSinceCheckpoint.incrementAndGet() >= CHECKPOINT_EVERY) {
            Thread cp = checkpointThread;
            if (cp != null) {
                LockSupport.unpark(cp);
            }
        }
        if (++commitsSinceWriterCheckpoint >= CHECKPOINT_EVERY) {
            commitsSinceWriterCheckpoint = 0;
            writerCheckpoint();
        }
    }

    /** A PASSIVE checkpoint on the writer connection, after the group's callers were answered (see the class comment). */
    private void writerCheckpoint() {
        try {
            passiveCheckpoint(writer);
            stats.writerCheckpoints.incrementAndGet();
        } catch (SQLException e) {
            Log.debugf("writer checkpoint skipped: %s", e.getMessage()); // busy (the checkpointer is at it) or a full disk: next round
        }
    }

    /** The checkpointer thread: a PASSIVE checkpoint after {@value #CHECKPOINT_EVERY} commits or once a second. */
    private void checkpointLoop(Connection c) {
        long failures = 0;
        while (running) {
            LockSupport.parkNanos(1_000_000_000L);
            if (!running) {
                return;
            }
            if (commitsSinceCheckpoint.get() == 0) {
                continue;
            }
            commitsSinceCheckpoint.set(0);
            try {
                passiveCheckpoint(c);
                stats.checkpoints.incrementAndGet();
                failures = 0;
            } catch (SQLException e) {
                // a full disk or an I/O error: committed data is safe in the WAL; retried at the next round
                if (failures++ % 60 == 0) {
                    Log.warnf("kiosk database checkpoint failed (retried, WAL keeps growing meanwhile): %s", e.getMessage());
                }
            }
        }
    }

    private static void passiveCheckpoint(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("pragma wal_checkpoint(PASSIVE)")) {
            rs.next();
        }
    }

    private <T> T nested(Work<T> work) throws SQLException {
        if (writer.getAutoCommit()) {
            return direct(work);
        }
        Savepoint sp = writer.setSavepoint();
        try {
            T result = work.run(writer);
            writer.releaseSavepoint(sp);
            return result;
        } catch (SQLException | RuntimeException e) {
            if (!(e instanceof SQLException sql && isFatal(sql))) {
                writer.rollback(sp);
                writer.releaseSavepoint(sp);
                fireRollback();
            }
            throw e;
        }
    }

    /** One transaction on the calling thread: before the writer thread runs (migrations) or after it stopped. */
    private synchronized <T> T direct(Work<T> work) throws SQLException {
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
            fireRollback();
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // already in autocommit after SQLite's own rollback
            }
        }
    }

    private void fireRollback() {
        for (Runnable r : rollbackListeners) {
            r.run();
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            // after SQLITE_FULL/IOERR SQLite has already rolled the transaction back itself: nothing left to undo
            if (String.valueOf(e.getMessage()).contains("no transaction is active")) {
                Log.debugf("commit group already rolled back by SQLite: %s", e.getMessage());
            } else {
                Log.warnf("rollback of a failed commit group failed: %s", e.getMessage());
            }
        }
    }

    static boolean isFatal(SQLException e) {
        return e instanceof SQLiteException s && FATAL_CODES.contains(s.getErrorCode() & 0xff);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            Log.warnf("kiosk database did not close cleanly: %s", e.getMessage());
        }
    }

    private Connection connection() {
        if (writer == null) {
            throw new IllegalStateException("kiosk database is not open");
        }
        return writer;
    }

    /** A caller's work waiting for the writer thread. */
    private static final class Pending<T> {
        static final Pending<Object> STOP = new Pending<>(c -> null);

        private final Work<T> work;
        private final CountDownLatch latch = new CountDownLatch(1);
        private T result;
        private Throwable failure;

        Pending(Work<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        void succeed() {
            latch.countDown();
        }

        void fail(Throwable e) {
            failure = e;
            latch.countDown();
        }

        T await() throws SQLException {
            boolean interrupted = false;
            while (true) {
                try {
                    latch.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the work may already be committed: wait for the outcome
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure == null) {
                return result;
            }
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failure);
        }
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
            direct(c -> {
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
        List<String> out = new ArrayList<>();
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
