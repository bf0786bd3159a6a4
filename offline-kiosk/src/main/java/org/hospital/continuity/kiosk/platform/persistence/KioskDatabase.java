package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;

/**
 * The kiosk's local SQLite file: WAL journal, {@code synchronous=FULL} so that a commit is on disk
 * before the user is told "saved". This class opens and closes the file and routes work; the jobs are
 * done by {@link GroupCommitWriter} (the writer thread), {@link Checkpointer}, {@link ReaderPool},
 * {@link SchemaMigrations} and {@link SqliteConnections} (the PRAGMAs).
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
 * {@value Checkpointer#EVERY} commits or once a second, whichever comes first, while the writer goes
 * on committing (WAL allows both at once). A checkpoint that fails (a full disk) is retried at the
 * next round; the WAL then just grows, and nothing committed is affected. A checkpoint from another
 * connection can never quite finish while the writer keeps appending (it copies up to where the WAL
 * was when it began), and the WAL restarts from its beginning only after a complete one: under a
 * steady stream of captures the WAL file grew without bound (494 MiB in the benchmark) and every
 * commit extended the file. So every {@value Checkpointer#EVERY} commits the writer runs a PASSIVE
 * checkpoint itself, between groups: the checkpointer has already copied all but the last frames, so
 * it is short, and it completes, so the next commit writes the WAL from its start again.
 * {@code journal_size_limit} truncates a WAL that grew (a long read) back to 16 MiB after such a reset.
 *
 * <p><b>Reads</b> run on a small pool of separate read-only connections (WAL lets them read while
 * the writer commits) and see committed data only; a read from inside a transaction's work runs on
 * the writer connection and sees that transaction's own writes.
 *
 * <p>Only {@code persistence} classes use the JDBC side ({@link Work}, {@link #inTransaction}, {@link #read});
 * a use case that writes through several features' stores in one transaction uses {@link #transaction}.
 */
@ApplicationScoped
public class KioskDatabase {

    /** Work inside one transaction on the writer connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work of a use case inside one transaction: it hands the transaction to the features' stores. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(WriteTransaction transaction);
    }

    private final KioskConfig config;
    private final Instance<KioskSchemaScripts> contributions;
    private final List<Runnable> rollbackListeners = new CopyOnWriteArrayList<>();
    private final GroupStats stats = new GroupStats();
    private Connection writer;
    private WriteTransaction writeTransaction;
    private volatile GroupCommitWriter groupWriter;
    private Checkpointer checkpointer;
    private volatile ReaderPool readers;
    private volatile boolean running;
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
            writer = SqliteConnections.writer(file);
            writeTransaction = new WriteTransaction(writer);
            SchemaMigrations.migrate(writer, contributions.stream().toList(), this::direct);
            fireRollback(); // state kept beside the database (journal head, audit chain head) is re-read from the file
            checkpointer = new Checkpointer(SqliteConnections.checkpointer(file), stats);
            readers = ReaderPool.open(file);
            running = true;
            GroupCommitWriter w = new GroupCommitWriter(writer, stats, checkpointer, this::fireRollback);
            groupWriter = w;
            w.start();
            checkpointer.start();
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
        GroupCommitWriter w = groupWriter;
        if (w != null) {
            w.signalStop();
        }
        if (checkpointer != null) {
            checkpointer.signalStop();
        }
        if (w != null) {
            w.stop();
        }
        if (checkpointer != null) {
            checkpointer.stop();
            checkpointer = null;
        }
        if (w != null) {
            w.failWaiting();
        }
        ReaderPool pool = readers;
        if (pool != null) {
            pool.close();
        }
        writeTransaction.closeStatements();
        try {
            writer.close();
        } catch (Exception e) {
            Log.warnf("kiosk database did not close cleanly: %s", e.getMessage());
        }
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
        GroupCommitWriter w = groupWriter;
        if (w != null && w.isWriterThread()) {
            return nested(work);
        }
        if (!running) {
            synchronized (this) {
                if (!running) {
                    return direct(work);
                }
            }
        }
        return groupWriter.submit(work);
    }

    /**
     * As {@link #inTransaction}, for a use case: the stores it calls write in the {@link WriteTransaction}
     * and report SQLite failures as {@link KioskStorageException}; inside the transaction such a failure is
     * the SQLite error it carries (the group commit decides on it), and a failed transaction is thrown as one.
     */
    public <T> T transaction(TransactionWork<T> work) {
        try {
            return inTransaction(c -> {
                try {
                    return work.run(writeTransaction);
                } catch (KioskStorageException e) {
                    throw e.getCause();
                }
            });
        } catch (SQLException e) {
            throw new KioskStorageException(e.getMessage(), e);
        }
    }

    /**
     * Reads committed data on a read connection; from inside a transaction's work, on the writer
     * connection (seeing that transaction's writes).
     */
    public <T> T read(Work<T> work) throws SQLException {
        GroupCommitWriter w = groupWriter;
        if (w != null && w.isWriterThread()) {
            return work.run(writer);
        }
        ReaderPool pool = readers;
        if (pool == null || !running) {
            synchronized (this) {
                return work.run(connection());
            }
        }
        return pool.read(work);
    }

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows of these streams in one query, by stream id (those that exist): {@code select} is the statement up to
     * its {@code where}, e.g. {@code select stream_id, … from charge}; the first column must be the stream id.
     */
    public <T> java.util.Map<java.util.UUID, T> byStreamIds(String select, java.util.Collection<java.util.UUID> ids, RowReader<T> reader)
            throws SQLException {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return read(c -> {
            java.util.Map<java.util.UUID, T> out = new java.util.HashMap<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement(select + " where stream_id in (" + "?,".repeat(ids.size() - 1) + "?)")) {
                int i = 1;
                for (java.util.UUID id : ids) {
                    ps.setString(i++, id.toString());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(java.util.UUID.fromString(rs.getString(1)), reader.read(rs));
                    }
                }
            }
            return out;
        });
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
        return writeTransaction.statement(sql);
    }

    /** The transaction in progress for a transaction's work given {@code c} (the writer connection). */
    public WriteTransaction transactionOf(Connection c) {
        if (c != writer) {
            throw new IllegalArgumentException("a write transaction runs on the writer connection");
        }
        return writeTransaction;
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
            if (!(e instanceof SQLException sql && SqliteErrors.isFatal(sql))) {
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

    private Connection connection() {
        if (writer == null) {
            throw new IllegalStateException("kiosk database is not open");
        }
        return writer;
    }
}
