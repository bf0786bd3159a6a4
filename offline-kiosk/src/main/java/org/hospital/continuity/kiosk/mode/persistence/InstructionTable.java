package org.hospital.continuity.kiosk.mode.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/**
 * EP-6.1: the instructions this kiosk received ({@code received_instruction}, refreshed on every pull) and the
 * acknowledgements given here ({@code instruction_ack}), with whether the server has them yet.
 */
@ApplicationScoped
public class InstructionTable {

    /** A received instruction as this kiosk knows it. */
    public record Received(UUID id, Long number, String party, String kind, String modeAfter, String clause, String zh, String en,
                           Instant issuedAt, String issuedBy, String acknowledgedBy, Instant acknowledgedAt, Instant receivedAt) {
    }

    /** An acknowledgement given at this kiosk; {@code deliveredAt} null while the server does not have it. */
    public record Ack(UUID id, UUID instructionId, String accountId, String personName, Instant acknowledgedAt, Instant deliveredAt,
                      int attempts, String lastError) {
    }

    private static final String COLUMNS = "id, number, party, kind, mode_after, clause, text_zh, text_en, issued_at, issued_by, "
            + "acknowledged_by, acknowledged_at, received_at";

    private final KioskDatabase database;

    public InstructionTable(KioskDatabase database) {
        this.database = database;
    }

    /** Stores what the server announced (new ones inserted, known ones refreshed: their acknowledgement may have come meanwhile). */
    public void remember(List<Received> instructions) {
        if (instructions.isEmpty()) {
            return;
        }
        database.transaction(tx -> {
            try {
                PreparedStatement ps = tx.statement("insert into received_instruction(" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict(id) do update set number = excluded.number, acknowledged_by = coalesce(excluded.acknowledged_by, "
                        + "received_instruction.acknowledged_by), acknowledged_at = coalesce(excluded.acknowledged_at, "
                        + "received_instruction.acknowledged_at)");
                for (Received r : instructions) {
                    ps.setString(1, r.id().toString());
                    if (r.number() == null) {
                        ps.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        ps.setLong(2, r.number());
                    }
                    ps.setString(3, r.party());
                    ps.setString(4, r.kind());
                    ps.setString(5, r.modeAfter());
                    ps.setString(6, r.clause());
                    ps.setString(7, r.zh());
                    ps.setString(8, r.en());
                    ps.setString(9, r.issuedAt().toString());
                    ps.setString(10, r.issuedBy());
                    ps.setString(11, r.acknowledgedBy());
                    ps.setString(12, r.acknowledgedAt() == null ? null : r.acknowledgedAt().toString());
                    ps.setString(13, r.receivedAt().toString());
                    ps.executeUpdate();
                }
                return null;
            } catch (SQLException e) {
                throw new KioskStorageException("received instructions not written", e);
            }
        });
    }

    /** The received instructions, newest first. */
    public List<Received> newest(int limit) {
        return query("select " + COLUMNS + " from received_instruction order by issued_at desc limit ?", limit, null);
    }

    public Optional<Received> byId(UUID id) {
        return query("select " + COLUMNS + " from received_instruction where id = ?", null, id.toString()).stream().findFirst();
    }

    public Optional<Received> byNumber(long number) {
        return query("select " + COLUMNS + " from received_instruction where number = ? order by issued_at desc", null,
                Long.toString(number)).stream().findFirst();
    }

    /** Records an acknowledgement given here, in the transaction of its journal entry. */
    public void insertAck(WriteTransaction tx, Ack ack) {
        try {
            PreparedStatement ps = tx.statement("insert into instruction_ack(id, instruction_id, account_id, person_name, acknowledged_at, "
                    + "delivered_at, attempts, last_error) values (?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, ack.id().toString());
            ps.setString(2, ack.instructionId().toString());
            ps.setString(3, ack.accountId());
            ps.setString(4, ack.personName());
            ps.setString(5, ack.acknowledgedAt().toString());
            ps.setString(6, ack.deliveredAt() == null ? null : ack.deliveredAt().toString());
            ps.setInt(7, ack.attempts());
            ps.setString(8, ack.lastError());
            ps.executeUpdate();
            PreparedStatement mark = tx.statement("update received_instruction set acknowledged_by = coalesce(acknowledged_by, ?), "
                    + "acknowledged_at = coalesce(acknowledged_at, ?) where id = ?");
            mark.setString(1, ack.personName());
            mark.setString(2, ack.acknowledgedAt().toString());
            mark.setString(3, ack.instructionId().toString());
            mark.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("acknowledgement not written", e);
        }
    }

    /** The acknowledgements given here, newest first. */
    public List<Ack> acks() {
        return acks("select id, instruction_id, account_id, person_name, acknowledged_at, delivered_at, attempts, last_error "
                + "from instruction_ack order by acknowledged_at desc");
    }

    /** Those the server does not have yet, oldest first. */
    public List<Ack> undelivered() {
        return acks("select id, instruction_id, account_id, person_name, acknowledged_at, delivered_at, attempts, last_error "
                + "from instruction_ack where delivered_at is null order by acknowledged_at");
    }

    /** The server has it now (or refused it for good: {@code error} says why, shown at F8). */
    public void delivered(UUID ackId, Instant at, String error) {
        update("update instruction_ack set delivered_at = ?, attempts = attempts + 1, last_error = ? where id = ?", at.toString(), error,
                ackId.toString());
    }

    /** Another try failed (server unreachable). */
    public void attempted(UUID ackId, String error) {
        update("update instruction_ack set attempts = attempts + 1, last_error = ? where id = ?", error, ackId.toString(), null);
    }

    private void update(String sql, String a, String b, String c) {
        database.transaction(tx -> {
            try {
                PreparedStatement ps = tx.statement(sql);
                ps.setString(1, a);
                ps.setString(2, b);
                if (c != null) {
                    ps.setString(3, c);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new KioskStorageException("acknowledgement state not written", e);
            }
        });
    }

    private List<Received> query(String sql, Integer limit, String key) {
        try {
            return database.read(c -> {
                List<Received> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    if (limit != null) {
                        ps.setInt(1, limit);
                    } else {
                        ps.setString(1, key);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long n = rs.getLong(2);
                            out.add(new Received(UUID.fromString(rs.getString(1)), rs.wasNull() ? null : n, rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                    Instant.parse(rs.getString(9)), rs.getString(10), rs.getString(11), instant(rs.getString(12)),
                                    Instant.parse(rs.getString(13))));
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new KioskStorageException("received instructions unreadable", e);
        }
    }

    private List<Ack> acks(String sql) {
        try {
            return database.read(c -> {
                List<Ack> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Ack(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4),
                                Instant.parse(rs.getString(5)), instant(rs.getString(6)), rs.getInt(7), rs.getString(8)));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new KioskStorageException("acknowledgements unreadable", e);
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
