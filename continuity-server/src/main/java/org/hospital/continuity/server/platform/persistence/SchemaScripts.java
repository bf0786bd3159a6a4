package org.hospital.continuity.server.platform.persistence;

import java.util.List;

/**
 * A feature's contribution to the database schema: classpath SQL scripts, applied once each, in
 * the order of their file names across all features ({@code V0100__fault.sql} before
 * {@code V0200__incident.sql}). A script is never edited after it shipped; changes are new scripts.
 */
public interface SchemaScripts {

    /** Classpath locations of this feature's scripts, e.g. {@code db/migration/V0100__fault.sql}. */
    List<String> scripts();
}
