package org.hospital.continuity.kiosk.wardreport.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;

/** The ward reports printed on this kiosk ({@code ward_report_print}, V0810): when, how many wards and pages, the file. */
@ApplicationScoped
public class WardReportPrints {

    /** One print: {@code outcome} PRINTED (handed to the printer), SAVED (kept as a file only) or FAILED. */
    public record Print(Instant printedAt, int wards, int pages, String file, String outcome) {
    }

    private final KioskDatabase database;

    public WardReportPrints(KioskDatabase database) {
        this.database = database;
    }

    public void record(Print p) {
        database.transaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "insert into ward_report_print(printed_at, wards, pages, file, outcome) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, p.printedAt().toString());
                ps.setInt(2, p.wards());
                ps.setInt(3, p.pages());
                ps.setString(4, p.file());
                ps.setString(5, p.outcome());
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new KioskStorageException("ward report print not recorded", e);
            }
        });
    }

    /** The last print that reached paper or a file (a failed one is not a print). */
    public Optional<Print> last() {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "select * from ward_report_print where outcome <> 'FAILED' order by id desc limit 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Print(Instant.parse(rs.getString("printed_at")), rs.getInt("wards"), rs.getInt("pages"),
                            rs.getString("file"), rs.getString("outcome"))) : Optional.<Print>empty();
                }
            });
        } catch (SQLException e) {
            throw new KioskStorageException("ward report prints unreadable", e);
        }
    }
}
