package org.hospital.continuity.server.backup.domain;

import java.util.List;

/**
 * HR-19, EP-7.5: one table compared between the backup and the database restored from it: row counts and an MD5
 * checksum over the rows' JSON text in a stable order. Pure.
 */
public record TableCheck(String table, long rows, long restoredRows, String checksum, String restoredChecksum) {

    public boolean ok() {
        return rows == restoredRows && checksum.equals(restoredChecksum);
    }

    /** The tables whose verification the plan cares most about (incident and sync), then every other table. */
    public static boolean key(String table) {
        return table.startsWith("incident") || table.startsWith("sync_") || table.equals("engine_journal") || table.equals("instruction")
                || table.equals("instruction_ack");
    }

    public static boolean allOk(List<TableCheck> checks) {
        return !checks.isEmpty() && checks.stream().allMatch(TableCheck::ok);
    }
}
