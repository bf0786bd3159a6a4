package org.hospital.continuity.kiosk.enrolment.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/** {@code kiosk_identity}: one row once enrolled; the credential secret sealed with the kiosk key, bound to the kiosk id. */
@ApplicationScoped
public class KioskIdentityTable {

    private final KioskDatabase database;
    private final KioskKey key;

    public KioskIdentityTable(KioskDatabase database, KioskKey key) {
        this.database = database;
        this.key = key;
    }

    public Optional<KioskIdentity> identity() {
        try {
            return database.read(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("select * from kiosk_identity where id = 1");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<KioskIdentity>empty();
                    }
                    return Optional.of(new KioskIdentity(rs.getString("kiosk_id"), rs.getString("kiosk_name"),
                            rs.getString("department_code"), rs.getString("department_name"), rs.getString("server_url"),
                            Instant.parse(rs.getString("enrolled_at"))));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk identity unreadable", e);
        }
    }

    /** The credential secret of the enrolled kiosk {@code kioskId}. */
    public String credential(String kioskId) {
        try {
            return database.read(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("select credential from kiosk_identity where id = 1");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return key.cipher().openString(rs.getBytes(1), "kiosk-credential:" + kioskId);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("kiosk credential unreadable", e);
        }
    }

    /** Stores the identity once, in the enrolment transaction. */
    public void store(WriteTransaction transaction, KioskIdentity identity, String secret) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("insert into kiosk_identity(id, kiosk_id, kiosk_name, "
                + "department_code, department_name, server_url, credential, enrolled_at) values (1, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, identity.kioskId());
            ps.setString(2, identity.kioskName());
            ps.setString(3, identity.departmentCode());
            ps.setString(4, identity.departmentName());
            ps.setString(5, identity.serverUrl());
            ps.setBytes(6, key.cipher().seal(secret, "kiosk-credential:" + identity.kioskId()));
            ps.setString(7, identity.enrolledAt().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("kiosk identity not stored", e);
        }
    }
}
