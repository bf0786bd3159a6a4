package org.hospital.continuity.kiosk.platform.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** The kiosk file's three kinds of connection and their PRAGMAs (WAL, {@code synchronous=FULL}). */
final class SqliteConnections {

    private SqliteConnections() {
    }

    /**
     * The one writer connection: WAL, FULL sync (a commit is on disk before the user is told "saved"), foreign
     * keys; no automatic checkpoint (the checkpointer thread does it, off the commit path).
     */
    static Connection writer(Path file) throws SQLException {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        c.setBusyTimeout(5000);
        c.enforceForeignKeys(true);
        Connection writer = c.createConnection(url(file));
        try (Statement st = writer.createStatement()) {
            st.execute("pragma wal_autocheckpoint = 0"); // the checkpointer thread does it, off the commit path
            st.execute("pragma journal_size_limit = 16777216");
            st.execute("pragma temp_store = memory");
            st.execute("pragma cache_size = -16384"); // 16 MiB of page cache for the writer
        }
        return writer;
    }

    /** The checkpointer thread's own connection. */
    static Connection checkpointer(Path file) throws SQLException {
        SQLiteConfig k = new SQLiteConfig();
        k.setJournalMode(SQLiteConfig.JournalMode.WAL);
        k.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        k.setBusyTimeout(5000);
        return k.createConnection(url(file));
    }

    /** A read-only connection (WAL lets it read while the writer commits). */
    static Connection reader(Path file) throws SQLException {
        SQLiteConfig r = new SQLiteConfig();
        r.setBusyTimeout(5000);
        Connection reader = r.createConnection(url(file));
        try (Statement st = reader.createStatement()) {
            st.execute("pragma query_only = 1");
        }
        return reader;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
