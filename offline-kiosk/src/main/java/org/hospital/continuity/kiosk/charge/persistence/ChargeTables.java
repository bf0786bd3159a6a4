package org.hospital.continuity.kiosk.charge.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/** {@code charge} and {@code iou}: the cashier's read models, identifying details sealed (HR-13). */
@ApplicationScoped
public class ChargeTables {

    /** A stored charge; {@code details} is the sealed payload. */
    public record ChargeRow(UUID id, Instant chargedAt, String phase, String status, byte[] details) {
    }

    /** A stored IOU slip; {@code details} is the sealed slip (patient name, phone). */
    public record IouRow(UUID id, UUID chargeId, Instant issuedAt, long amountFen, String status, String exchangedInvoice, byte[] details) {
    }

    private final KioskDatabase database;

    public ChargeTables(KioskDatabase database) {
        this.database = database;
    }

    public void insertCharge(WriteTransaction transaction, UUID id, String patientRef, Instant chargedAt, long totalFen, String settlement,
                             String paymentMethod, String invoiceNo, String phase, byte[] details) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("insert into charge(stream_id, patient_ref, charged_at, "
                + "total_fen, settlement, payment_method, invoice_no, phase, status, version, details) values (?, ?, ?, ?, ?, ?, ?, ?, 'CHARGED', 1, ?)")) {
            ps.setString(1, id.toString());
            ps.setString(2, patientRef);
            ps.setString(3, chargedAt.toString());
            ps.setLong(4, totalFen);
            ps.setString(5, settlement);
            ps.setString(6, paymentMethod);
            ps.setString(7, invoiceNo);
            ps.setString(8, phase);
            ps.setBytes(9, details);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("charge not written", e);
        }
    }

    /** HR-9: the charge's invoice was voided by the entry of {@code version}. */
    public void markVoided(WriteTransaction transaction, UUID id, int version) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("update charge set status = 'VOIDED', version = ? where stream_id = ?")) {
            ps.setInt(1, version);
            ps.setString(2, id.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("charge not written", e);
        }
    }

    /** An IOU slip; {@code drill} marks a drill's slip (HR-21, V0151), null for a real one. */
    public void insertIou(WriteTransaction transaction, UUID iouId, UUID chargeId, Instant issuedAt, long amountFen, byte[] details, UUID drill) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("insert into iou(stream_id, charge_stream, issued_at, "
                + "amount_fen, status, version, details, drill_id) values (?, ?, ?, ?, 'OPEN', 1, ?, ?)")) {
            ps.setString(1, iouId.toString());
            ps.setString(2, chargeId.toString());
            ps.setString(3, issuedAt.toString());
            ps.setLong(4, amountFen);
            ps.setBytes(5, details);
            ps.setString(6, drill == null ? null : drill.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("IOU not written", e);
        }
    }

    /** EP-4.4: the slip exchanged for a formal invoice (its version 2). */
    /** How many real IOU slips this kiosk issued, as the capture's transaction sees it (the next slip's sequence; HR-21: a drill's slips have their own series). */
    public long iouCount(WriteTransaction transaction) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("select count(*) from iou where drill_id is null");
             java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new KioskStorageException("IOU slips uncountable", e);
        }
    }

    public void markExchanged(WriteTransaction transaction, UUID iouId, String formalInvoiceNo, Instant at) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("update iou set status = 'EXCHANGED', exchanged_invoice = ?, "
                + "exchanged_at = ?, version = 2 where stream_id = ?")) {
            ps.setString(1, formalInvoiceNo);
            ps.setString(2, at.toString());
            ps.setString(3, iouId.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("IOU not written", e);
        }
    }

    /** The rows of these charges (those that exist). */
    public Map<UUID, ChargeRow> charges(Collection<UUID> ids) {
        try {
            return database.byStreamIds("select stream_id, charged_at, phase, status, details from charge", ids,
                    rs -> new ChargeRow(UUID.fromString(rs.getString(1)), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getBytes(5)));
        } catch (SQLException e) {
            throw new IllegalStateException("charges unreadable", e);
        }
    }

    /** IOU slips in the order they were issued; only the open ones when {@code openOnly}. */
    public List<IouRow> ious(boolean openOnly) {
        try {
            return database.read(c -> {
                List<IouRow> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select * from iou" + (openOnly ? " where status = 'OPEN'" : "")
                        + " order by issued_at"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IouRow(UUID.fromString(rs.getString("stream_id")), UUID.fromString(rs.getString("charge_stream")),
                                Instant.parse(rs.getString("issued_at")), rs.getLong("amount_fen"), rs.getString("status"),
                                rs.getString("exchanged_invoice"), rs.getBytes("details")));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("IOUs unreadable", e);
        }
    }
}
