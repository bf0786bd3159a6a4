package org.hospital.continuity.kiosk.session.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.kiosk.session.OfflineVerifier;
import org.hospital.continuity.kiosk.session.StaffVerifiers;

/** {@code staff_verifier}: the verifiers of the last snapshot, one row per account. */
@ApplicationScoped
public class StaffVerifierTable implements StaffVerifiers {

    private final KioskDatabase database;

    public StaffVerifierTable(KioskDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<OfflineVerifier> find(String accountId) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select * from staff_verifier where account_id = ?")) {
                    ps.setString(1, accountId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<OfflineVerifier>empty();
                        }
                        return Optional.of(new OfflineVerifier(rs.getString("account_id"), rs.getString("display_name"),
                                List.of(rs.getString("roles").split(",")), rs.getString("algorithm"), rs.getString("salt"),
                                rs.getInt("iterations"), rs.getString("hash")));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("staff verifiers unreadable", e);
        }
    }

    @Override
    public void replaceAll(WriteTransaction transaction, List<OfflineVerifier> verifiers, Instant receivedAt) {
        try {
            try (Statement st = transaction.connection().createStatement()) {
                st.execute("delete from staff_verifier");
            }
            try (PreparedStatement ps = transaction.connection().prepareStatement("insert into staff_verifier(account_id, display_name, "
                    + "roles, algorithm, salt, iterations, hash, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OfflineVerifier v : verifiers) {
                    ps.setString(1, v.accountId());
                    ps.setString(2, v.displayName());
                    ps.setString(3, String.join(",", v.roles()));
                    ps.setString(4, v.algorithm());
                    ps.setString(5, v.salt());
                    ps.setInt(6, v.iterations());
                    ps.setString(7, v.hash());
                    ps.setString(8, receivedAt.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new KioskStorageException("staff verifiers not stored", e);
        }
    }
}
