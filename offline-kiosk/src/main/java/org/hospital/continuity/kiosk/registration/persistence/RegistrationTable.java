package org.hospital.continuity.kiosk.registration.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/** {@code registration}: the registrations' read model, identifying details sealed (HR-13), rebuilt from the journal if lost. */
@ApplicationScoped
public class RegistrationTable {

    /** A stored registration; {@code details} is the sealed payload. */
    public record Row(UUID id, Instant registeredAt, String phase, byte[] details) {
    }

    private final KioskDatabase database;

    public RegistrationTable(KioskDatabase database) {
        this.database = database;
    }

    /** Writes the registration in the capture's transaction (a statement prepared once: this runs with every registration). */
    public void insert(WriteTransaction transaction, UUID id, String patientNumber, Instant registeredAt, String departmentCode,
                       String doctorCode, long feeFen, String phase, byte[] details) {
        try {
            PreparedStatement ps = transaction.statement("insert into registration(stream_id, patient_number, registered_at, "
                    + "department_code, doctor_code, fee_fen, phase, status, details) values (?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?)");
            ps.setString(1, id.toString());
            ps.setString(2, patientNumber);
            ps.setString(3, registeredAt.toString());
            ps.setString(4, departmentCode);
            ps.setString(5, doctorCode);
            ps.setLong(6, feeFen);
            ps.setString(7, phase);
            ps.setBytes(8, details);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("registration not written", e);
        }
    }

    public Optional<Row> byId(UUID id) {
        return Optional.ofNullable(byIds(java.util.List.of(id)).get(id));
    }

    /** The rows of these registrations (those that exist). */
    public Map<UUID, Row> byIds(Collection<UUID> ids) {
        try {
            return database.byStreamIds("select stream_id, registered_at, phase, details from registration", ids, rs -> new Row(UUID.fromString(rs.getString(1)), Instant.parse(rs.getString(2)), rs.getString(3), rs.getBytes(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("registrations unreadable", e);
        }
    }
}
