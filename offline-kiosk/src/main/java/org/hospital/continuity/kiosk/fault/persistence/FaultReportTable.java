package org.hospital.continuity.kiosk.fault.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;

/** {@code fault_report}: the reports filed here, whether the server has them, and their state as it last said. */
@ApplicationScoped
public class FaultReportTable {

    /** A report filed here; {@code state} PENDING until the server has it, then RECEIVED, CONFIRMED or NOT_REPRODUCED. */
    public record Row(UUID id, String symptom, String location, Instant observedSince, String words, String reporterAccount,
                      String reporterName, Instant filedAt, Instant sentAt, int attempts, String lastError, String state,
                      String verifiedBy, Instant verifiedAt, String cause, Instant incidentOpenedAt, String incidentClass, Instant checkedAt) {
    }

    private static final String COLUMNS = "id, symptom, location, observed_since, words, reporter_account, reporter_name, filed_at, "
            + "sent_at, attempts, last_error, state, verified_by, verified_at, cause, incident_opened_at, incident_class, checked_at";

    private final KioskDatabase database;

    public FaultReportTable(KioskDatabase database) {
        this.database = database;
    }

    /** Keeps a report durably before anything is sent (EP-3.1: the report is never lost to the network). */
    public void insert(Row r) {
        write("insert into fault_report(id, symptom, location, observed_since, words, reporter_account, reporter_name, filed_at, "
                + "attempts, state) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 'PENDING')", r.id().toString(), r.symptom(), r.location(),
                r.observedSince().toString(), r.words(), r.reporterAccount(), r.reporterName(), r.filedAt().toString());
    }

    /** The server has it. */
    public void sent(UUID id, Instant at) {
        write("update fault_report set sent_at = ?, attempts = attempts + 1, last_error = null, "
                + "state = case when state = 'PENDING' then 'RECEIVED' else state end where id = ?", at.toString(), id.toString());
    }

    /** A try failed (the server did not answer, or refused: {@code error} says why). */
    public void attempted(UUID id, String error) {
        write("update fault_report set attempts = attempts + 1, last_error = ? where id = ?", error, id.toString());
    }

    /** The state the server reported. */
    public void state(UUID id, String state, String verifiedBy, Instant verifiedAt, String cause, Instant incidentOpenedAt,
                      String incidentClass, Instant checkedAt) {
        write("update fault_report set state = ?, verified_by = ?, verified_at = ?, cause = ?, incident_opened_at = ?, incident_class = ?, "
                        + "checked_at = ? where id = ?", state, verifiedBy, str(verifiedAt), cause, str(incidentOpenedAt), incidentClass,
                str(checkedAt), id.toString());
    }

    /** The newest reports first. */
    public List<Row> newest(int limit) {
        return read("select " + COLUMNS + " from fault_report order by filed_at desc limit " + Math.max(1, limit));
    }

    /** Reports the server does not have yet, oldest first. */
    public List<Row> unsent() {
        return read("select " + COLUMNS + " from fault_report where sent_at is null order by filed_at");
    }

    /** Sent reports whose state may still change (not verified, or verified but not yet folded into an incident), newest first. */
    public List<Row> open(int limit) {
        return read("select " + COLUMNS + " from fault_report where sent_at is not null and (state = 'RECEIVED' or incident_opened_at is null) "
                + "order by filed_at desc limit " + Math.max(1, limit));
    }

    private void write(String sql, String... values) {
        database.transaction(tx -> {
            try {
                PreparedStatement ps = tx.statement(sql);
                for (int i = 0; i < values.length; i++) {
                    ps.setString(i + 1, values[i]);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new KioskStorageException("fault report not written", e);
            }
        });
    }

    private List<Row> read(String sql) {
        try {
            return database.read(c -> {
                List<Row> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), instant(rs.getString(4)),
                                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getString(8)), instant(rs.getString(9)),
                                rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13), instant(rs.getString(14)), rs.getString(15),
                                instant(rs.getString(16)), rs.getString(17), instant(rs.getString(18))));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new KioskStorageException("fault reports unreadable", e);
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
