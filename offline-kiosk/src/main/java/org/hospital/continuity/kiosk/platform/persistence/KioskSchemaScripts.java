package org.hospital.continuity.kiosk.platform.persistence;

import java.util.List;

/**
 * A kiosk feature's SQL scripts, applied once each in the order of their names across features.
 * A script is never edited after it shipped; changes are new scripts.
 */
public interface KioskSchemaScripts {

    /** Classpath locations, e.g. {@code db/kiosk/V0100__journal.sql}. Statements are separated by ';' at line ends. */
    List<String> scripts();
}
