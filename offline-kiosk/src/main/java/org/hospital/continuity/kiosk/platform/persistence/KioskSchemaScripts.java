package org.hospital.continuity.kiosk.platform.persistence;

import java.util.List;
import java.util.Set;

/**
 * A kiosk feature's SQL scripts (in its {@code persistence} package), applied once each in the order of
 * their names across features, and the tables the feature owns. A script is never edited after it
 * shipped; changes are new scripts. Only the owning feature's classes name its tables in SQL; other
 * features go through its public face. A script written before the features were split may create tables
 * of several features: each of them lists it and claims its own tables (it is applied once).
 */
public interface KioskSchemaScripts {

    /** Classpath locations, e.g. {@code db/kiosk/V0100__journal.sql}. Statements are separated by ';' at line ends. */
    List<String> scripts();

    /** The tables of this feature, each created by one of {@link #scripts()}. */
    Set<String> tables();
}
