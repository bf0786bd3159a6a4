package org.hospital.continuity.kiosk.settlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/** {@code discharge_settlement}: the settlements' read model, identifying details sealed (HR-13). */
@ApplicationScoped
public class SettlementTable {

    /** A stored settlement; {@code details} is the sealed payload. */
    public record Row(UUID id, Instant settledAt, String phase, byte[] details) {
    }

    private final KioskDatabase database;

    public SettlementTable(KioskDatabase database) {
        this.database = database;
    }

    public void insert(WriteTransaction transaction, UUID id, Instant settledAt, long totalFen, long depositFen, String invoiceNo,
                       String phase, byte[] details) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("insert into discharge_settlement(stream_id, settled_at, "
                + "total_fen, deposit_fen, invoice_no, phase, details) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id.toString());
            ps.setString(2, settledAt.toString());
            ps.setLong(3, totalFen);
            ps.setLong(4, depositFen);
            ps.setString(5, invoiceNo);
            ps.setString(6, phase);
            ps.setBytes(7, details);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("discharge settlement not written", e);
        }
    }

    /** The rows of these settlements (those that exist). */
    public Map<UUID, Row> byIds(Collection<UUID> ids) {
        try {
            return database.byStreamIds("select stream_id, settled_at, phase, details from discharge_settlement", ids, rs -> new Row(UUID.fromString(rs.getString(1)), Instant.parse(rs.getString(2)), rs.getString(3), rs.getBytes(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("settlements unreadable", e);
        }
    }
}
