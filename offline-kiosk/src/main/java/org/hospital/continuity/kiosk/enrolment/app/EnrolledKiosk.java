package org.hospital.continuity.kiosk.enrolment.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.domain.KioskIdentity;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/** This kiosk's stored identity and credential (the credential sealed with the kiosk key). */
@ApplicationScoped
public class EnrolledKiosk {

    private final KioskDatabase database;
    private final KioskKey key;
    private volatile Optional<KioskIdentity> cached;

    public EnrolledKiosk(KioskDatabase database, KioskKey key) {
        this.database = database;
        this.key = key;
    }

    public Optional<KioskIdentity> identity() {
        Optional<KioskIdentity> c = cached;
        if (c == null) {
            try {
                c = database.read(conn -> {
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
            cached = c;
        }
        return c;
    }

    public Optional<String> kioskId() {
        return identity().map(KioskIdentity::kioskId);
    }

    /** The kiosk id, or a clear refusal: nothing can be captured before enrolment. */
    public String requireKioskId() {
        return kioskId().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null,
                "error.not-enrolled"));
    }

    /** The credential secret (for calls to the server: snapshot, pools, sync). */
    public String credential() {
        String kioskId = requireKioskId();
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
    void store(Connection c, KioskIdentity identity, String secret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into kiosk_identity(id, kiosk_id, kiosk_name, department_code, "
                + "department_name, server_url, credential, enrolled_at) values (1, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, identity.kioskId());
            ps.setString(2, identity.kioskName());
            ps.setString(3, identity.departmentCode());
            ps.setString(4, identity.departmentName());
            ps.setString(5, identity.serverUrl());
            ps.setBytes(6, key.cipher().seal(secret, "kiosk-credential:" + identity.kioskId()));
            ps.setString(7, identity.enrolledAt().toString());
            ps.executeUpdate();
        }
    }

    void forget() {
        cached = null;
    }
}
