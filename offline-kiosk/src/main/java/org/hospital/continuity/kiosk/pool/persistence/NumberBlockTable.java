package org.hospital.continuity.kiosk.pool.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.pool.domain.NumberBlock;

/** {@code number_block}: the blocks this kiosk holds and the next unused number of each. */
@ApplicationScoped
public class NumberBlockTable {

    private final KioskDatabase database;

    public NumberBlockTable(KioskDatabase database) {
        this.database = database;
    }

    /** The one block to draw from next (the earliest expiring with numbers left), found by the index. */
    public List<NumberBlock> usable(WriteTransaction transaction, PoolKind pool, Instant now) {
        List<NumberBlock> out = new ArrayList<>();
        try {
            PreparedStatement ps = transaction.statement("select * from number_block where pool = ? and next_no <= last_no and expires_at > ? "
                    + "order by expires_at, first_no limit 1");
            ps.setString(1, pool.name());
            ps.setString(2, now.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(block(rs));
                }
            }
        } catch (SQLException e) {
            throw new KioskStorageException("number blocks unreadable", e);
        }
        return out;
    }

    /** Moves {@code block}'s next number on to {@code after}'s, checked against the file ({@code where next_no = ?}). */
    public void advance(WriteTransaction transaction, NumberBlock block, NumberBlock after) {
        try {
            PreparedStatement ps = transaction.statement("update number_block set next_no = ? where block_id = ? and next_no = ?");
            ps.setLong(1, after.next());
            ps.setString(2, block.blockId());
            ps.setLong(3, block.next());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("number block changed concurrently");
            }
        } catch (SQLException e) {
            throw new KioskStorageException("number block not advanced", e);
        }
    }

    /** Stores a block received from the server (a block already held is kept as it is). */
    public void insert(WriteTransaction transaction, NumberPools.IssuedBlock b, Instant receivedAt) {
        try (PreparedStatement ps = transaction.connection().prepareStatement("insert into number_block(block_id, pool, prefix, first_no, "
                + "last_no, next_no, expires_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict(block_id) do nothing")) {
            ps.setString(1, b.blockId());
            ps.setString(2, b.pool().name());
            ps.setString(3, b.prefix());
            ps.setLong(4, b.first());
            ps.setLong(5, b.last());
            ps.setLong(6, b.first());
            ps.setString(7, b.expiresAt().toString());
            ps.setString(8, receivedAt.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new KioskStorageException("number block not stored", e);
        }
    }

    public List<NumberBlock> all() {
        try {
            return database.read(NumberBlockTable::all);
        } catch (SQLException e) {
            throw new IllegalStateException("number pools unreadable", e);
        }
    }

    private static List<NumberBlock> all(Connection c) throws SQLException {
        List<NumberBlock> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from number_block"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(block(rs));
            }
        }
        return out;
    }

    private static NumberBlock block(ResultSet rs) throws SQLException {
        return new NumberBlock(rs.getString("block_id"), PoolKind.valueOf(rs.getString("pool")), rs.getString("prefix"),
                rs.getLong("first_no"), rs.getLong("last_no"), rs.getLong("next_no"), Instant.parse(rs.getString("expires_at")));
    }
}
