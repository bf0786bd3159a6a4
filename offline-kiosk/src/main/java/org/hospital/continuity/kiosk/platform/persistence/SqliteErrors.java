package org.hospital.continuity.kiosk.platform.persistence;

import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What a SQLite failure means for the kiosk: the group commit's "fatal" codes and the full disk of EP-5.2. */
public final class SqliteErrors {

    /** SQLite primary result codes after which a transaction may already be rolled back or the file is unusable. */
    private static final Set<Integer> FATAL_CODES = Set.of(4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 26);

    private SqliteErrors() {
    }

    /** A storage-level error (I/O, disk full, busy …): SQLite may have rolled the whole transaction back already. */
    static boolean isFatal(SQLException e) {
        return e instanceof SQLiteException s && FATAL_CODES.contains(s.getErrorCode() & 0xff);
    }

    /** SQLITE_FULL anywhere in the cause chain ("database or disk is full"). */
    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == SQLiteErrorCode.SQLITE_FULL.code
                    || s.getMessage() != null && s.getMessage().contains("SQLITE_FULL"))) {
                return true;
            }
        }
        return false;
    }

    /** The SQLite result code's name in the cause chain, for the log ("?" when there is none). */
    public static String resultCodeName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return s.getResultCode().name();
            }
        }
        return "?";
    }
}
