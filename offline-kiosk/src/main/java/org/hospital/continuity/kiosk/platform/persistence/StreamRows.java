package org.hospital.continuity.kiosk.platform.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Read-model rows kept per record stream ({@code stream_id}), removed together (HR-21: a purged drill's training records). */
public final class StreamRows {

    private StreamRows() {
    }

    /**
     * Runs each {@code delete … where stream_id = ?} of a feature's own tables for every stream, in {@code transaction};
     * returns how many rows went.
     */
    public static long delete(WriteTransaction transaction, List<String> deletes, List<UUID> streams) {
        long rows = 0;
        try {
            for (String sql : deletes) {
                PreparedStatement ps = transaction.statement(sql);
                for (UUID stream : streams) {
                    ps.setString(1, stream.toString());
                    rows += ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new KioskStorageException("training read models not purged", e);
        }
        return rows;
    }
}
