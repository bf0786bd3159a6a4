package org.hospital.continuity.kiosk.journal.persistence;

import java.sql.SQLException;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;

/** The journal could not be written or read: the capture was NOT saved (507 on a full disk, else 503). */
public class JournalUnavailableException extends KioskStorageException {

    public JournalUnavailableException(SQLException cause) {
        super("The local journal could not be written; the record was not saved.", cause);
    }
}
