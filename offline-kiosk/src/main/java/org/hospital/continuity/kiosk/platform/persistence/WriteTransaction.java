package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The transaction in progress on the writer connection, as the {@code persistence} classes of the features
 * write in it: a capture's projections, a drawn number, an audit entry, a snapshot. One instance per open
 * database; valid only inside a transaction's work ({@link KioskDatabase#transaction},
 * {@code Journal.Capture#transaction()}), on the writer thread. Use cases pass it along without touching it.
 */
public final class WriteTransaction {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    WriteTransaction(Connection connection) {
        this.connection = connection;
    }

    /** The writer connection, inside the transaction. */
    public Connection connection() {
        return connection;
    }

    /**
     * A prepared statement of the writer connection, prepared once and reused by later transactions: never
     * close it (close its ResultSets), set every parameter on every use.
     */
    public PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (Exception e) {
                Log.warnf("kiosk database did not close cleanly: %s", e.getMessage());
            }
        }
        statements.clear();
    }
}
