package org.hospital.continuity.kiosk.platform.persistence;

import java.sql.SQLException;

/**
 * The kiosk's SQLite file could not be read or written: a {@link SQLException} on its way through code
 * outside {@code persistence} (use cases see no JDBC type). Inside a transaction's work it is turned back
 * into its {@link SQLException} at the transaction's edge ({@link KioskDatabase#transaction}, the journal's
 * capture), so the group commit treats it exactly as the SQLite error it carries. Reaching the HTTP layer it
 * is a 507 (disk full, EP-5.2) or 503 problem ({@code StorageProblems}).
 */
public class KioskStorageException extends RuntimeException {

    public KioskStorageException(String message, SQLException cause) {
        super(message, cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }

    /** SQLITE_FULL: the kiosk's disk is full. */
    public boolean diskFull() {
        return SqliteErrors.diskFull(this);
    }

    /** The SQLite result code's name, for the log. */
    public String resultCodeName() {
        return SqliteErrors.resultCodeName(this);
    }
}
