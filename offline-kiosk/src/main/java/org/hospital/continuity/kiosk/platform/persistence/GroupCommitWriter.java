package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The writer thread ("kiosk-journal-writer") and its group commit. It owns the writer connection while it
 * runs. It takes every piece of work that is waiting (at most {@value #MAX_GROUP}), runs each inside its own
 * savepoint (a piece that fails is rolled back alone and its caller gets the failure), then commits them all
 * in ONE transaction — one fsync of the WAL for the whole group — and only then completes the callers. If
 * the group's commit fails, every caller of the group gets the failure and nothing of the group is stored. A
 * storage-level error (I/O, disk full, busy) inside one piece aborts the whole group, because SQLite may have
 * rolled the transaction back already. Every {@value Checkpointer#EVERY} commits it runs a short PASSIVE
 * checkpoint itself, between groups, after the group's callers were answered (see {@link KioskDatabase}).
 */
final class GroupCommitWriter {

    /** The most captures one commit may carry (bounds the latency of the last one in a group). */
    static final int MAX_GROUP = 64;

    private final Connection writer;
    private final GroupStats stats;
    private final Checkpointer checkpointer;
    private final Runnable onRollback;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean running;
    private long commitsSinceWriterCheckpoint;

    /** {@code onRollback} runs (on this thread) whenever writes are rolled back: one piece's savepoint or a whole group. */
    GroupCommitWriter(Connection writer, GroupStats stats, Checkpointer checkpointer, Runnable onRollback) {
        this.writer = writer;
        this.stats = stats;
        this.checkpointer = checkpointer;
        this.onRollback = onRollback;
    }

    void start() {
        running = true;
        Thread t = new Thread(this::loop, "kiosk-journal-writer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Hands {@code work} to the writer thread and waits until its group is committed (or failed). */
    <T> T submit(KioskDatabase.Work<T> work) throws SQLException {
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        return pending.await();
    }

    /** From now on an interrupted wait ends the thread. */
    void signalStop() {
        running = false;
    }

    /** Lets the thread finish what is queued before the stop, and waits for it to end. */
    void stop() {
        Thread t = thread;
        if (t != null) {
            queue.add(Pending.STOP);
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    /** Fails whatever is still waiting (the database is closed). */
    void failWaiting() {
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            p.fail(new SQLException("kiosk database closed"));
        }
    }

    private void loop() {
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
                if (e instanceof SQLException sql && SqliteErrors.isFatal(sql)) {
                    fatal = sql;
                    p.fail(e);
                    continue;
                }
                try {
                    if (sp != null) {
                        writer.rollback(sp);
                        writer.releaseSavepoint(sp);
                    }
                    onRollback.run();
                    p.fail(e);
                } catch (SQLException rollbackFailed) {
                    fatal = rollbackFailed;
                    p.fail(e);
                }
            }
        }
        if (fatal != null) {
            rollbackQuietly();
            onRollback.run();
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
            onRollback.run();
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
        checkpointer.committed();
        if (++commitsSinceWriterCheckpoint >= Checkpointer.EVERY) {
            commitsSinceWriterCheckpoint = 0;
            writerCheckpoint();
        }
    }

    /** A PASSIVE checkpoint on the writer connection, after the group's callers were answered. */
    private void writerCheckpoint() {
        try {
            Checkpointer.passiveCheckpoint(writer);
            stats.writerCheckpointed();
        } catch (SQLException e) {
            Log.debugf("writer checkpoint skipped: %s", e.getMessage()); // busy (the checkpointer is at it) or a full disk: next round
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

    /** A caller's work waiting for the writer thread. */
    private static final class Pending<T> {
        static final Pending<Object> STOP = new Pending<>(c -> null);

        private final KioskDatabase.Work<T> work;
        private final CountDownLatch latch = new CountDownLatch(1);
        private T result;
        private Throwable failure;

        Pending(KioskDatabase.Work<T> work) {
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
}
