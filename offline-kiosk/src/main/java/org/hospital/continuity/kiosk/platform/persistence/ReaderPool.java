package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A small pool of read-only connections: reads see committed data only and never wait for the writer (WAL). */
final class ReaderPool {

    static final int READERS = 3;

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;

    private ReaderPool(List<Connection> opened) {
        this.all = List.copyOf(opened);
        this.idle = new ArrayBlockingQueue<>(READERS, false, opened);
    }

    static ReaderPool open(Path file) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            opened.add(SqliteConnections.reader(file));
        }
        return new ReaderPool(opened);
    }

    <T> T read(KioskDatabase.Work<T> work) throws SQLException {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
        try {
            return work.run(c);
        } finally {
            idle.add(c);
        }
    }

    void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (Exception e) {
                Log.warnf("kiosk database did not close cleanly: %s", e.getMessage());
            }
        }
    }
}
