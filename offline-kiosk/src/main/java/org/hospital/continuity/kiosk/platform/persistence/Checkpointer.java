package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The "kiosk-checkpointer" thread with a connection of its own: a PASSIVE checkpoint after every
 * {@value #EVERY} commits or once a second when anything was committed, while the writer goes on committing
 * (WAL allows both at once), so that no cashier's commit ever copies the WAL into the database file. A
 * checkpoint that fails (a full disk) is retried at the next round; the WAL then just grows, and nothing
 * committed is affected. See {@link KioskDatabase} for why the writer also checkpoints every {@value #EVERY} commits.
 */
final class Checkpointer {

    /** Commits after which the checkpointer is woken (and after which the writer checkpoints between groups). */
    static final int EVERY = 50;

    private final Connection connection;
    private final GroupStats stats;
    private final AtomicLong commitsSinceCheckpoint = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;

    Checkpointer(Connection connection, GroupStats stats) {
        this.connection = connection;
        this.stats = stats;
    }

    void start() {
        running = true;
        Thread cp = new Thread(this::loop, "kiosk-checkpointer");
        cp.setDaemon(true);
        thread = cp;
        cp.start();
    }

    /** Called by the writer after each commit: wakes the thread once {@value #EVERY} commits have piled up. */
    void committed() {
        if (commitsSinceCheckpoint.incrementAndGet() >= EVERY) {
            Thread cp = thread;
            if (cp != null) {
                LockSupport.unpark(cp);
            }
        }
    }

    /** The thread ends at its next wake-up. */
    void signalStop() {
        running = false;
    }

    /** Wakes the thread, waits for it to end and closes its connection. */
    void stop() {
        Thread cp = thread;
        if (cp != null) {
            LockSupport.unpark(cp);
            try {
                cp.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        try {
            connection.close();
        } catch (Exception e) {
            Log.warnf("kiosk database did not close cleanly: %s", e.getMessage());
        }
    }

    private void loop() {
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
                passiveCheckpoint(connection);
                stats.checkpointed();
                failures = 0;
            } catch (SQLException e) {
                // a full disk or an I/O error: committed data is safe in the WAL; retried at the next round
                if (failures++ % 60 == 0) {
                    Log.warnf("kiosk database checkpoint failed (retried, WAL keeps growing meanwhile): %s", e.getMessage());
                }
            }
        }
    }

    static void passiveCheckpoint(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("pragma wal_checkpoint(PASSIVE)")) {
            rs.next();
        }
    }
}
