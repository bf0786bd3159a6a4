package org.hospital.continuity.kiosk.charge.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.charge.InvoiceRegister;
import org.hospital.continuity.kiosk.charge.app.ChargingPatient;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** {@code invoice_register}: one row per paper invoice number, USED or VOIDED with the reason (HR-9: nothing deleted). */
@ApplicationScoped
public class InvoiceRegisterTable implements InvoiceRegister {

    private final KioskDatabase database;

    public InvoiceRegisterTable(KioskDatabase database) {
        this.database = database;
    }

    @Override
    public void use(WriteTransaction transaction, String invoiceNo, String purpose, UUID streamId, JournalEntry entry, long amountFen,
                    String phase) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("insert into invoice_register(invoice_no, stream_id, purpose, "
                + "used_at, amount_fen, actor, phase, status) values (?, ?, ?, ?, ?, ?, ?, 'USED')")) {
            ps.setString(1, invoiceNo);
            ps.setString(2, streamId.toString());
            ps.setString(3, purpose);
            ps.setString(4, entry.recordedAt().toString());
            ps.setLong(5, amountFen);
            ps.setString(6, entry.actor());
            ps.setString(7, phase);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("invoice register not written", e);
        }
    }

    /** Marks a number voided, with the reason and who and when (the entry that voided it). */
    public void markVoided(WriteTransaction transaction, String invoiceNo, String reason, JournalEntry entry) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("update invoice_register set status = 'VOIDED', "
                + "void_reason = ?, voided_at = ?, voided_by = ? where invoice_no = ?")) {
            ps.setString(1, reason);
            ps.setString(2, entry.recordedAt().toString());
            ps.setString(3, entry.actor());
            ps.setString(4, invoiceNo);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("invoice register not written", e);
        }
    }

    /** Every number used or voided, in number order. */
    @Override
    public java.util.Optional<Voided> voided(String invoiceNo) {
        return lines().stream().filter(l -> l.invoiceNo().equals(invoiceNo) && "VOIDED".equals(l.status())).findFirst()
                .map(l -> new Voided(l.voidReason(), l.voidedAt(), l.voidedBy()));
    }

    public List<ChargingPatient.RegisterLine> lines() {
        try {
            return database.read(c -> {
                List<ChargingPatient.RegisterLine> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select * from invoice_register order by invoice_no");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ChargingPatient.RegisterLine(rs.getString("invoice_no"), rs.getString("purpose"),
                                UUID.fromString(rs.getString("stream_id")), Instant.parse(rs.getString("used_at")), rs.getLong("amount_fen"),
                                rs.getString("actor"), rs.getString("phase"), rs.getString("status"), rs.getString("void_reason"),
                                rs.getString("voided_at") == null ? null : Instant.parse(rs.getString("voided_at")), rs.getString("voided_by"), null, null));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("invoice register unreadable", e);
        }
    }
}
