package org.hospital.continuity.kiosk.pool.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.pool.domain.NumberBlock;
import org.hospital.continuity.kiosk.pool.domain.PoolKind;
import org.hospital.continuity.kiosk.pool.domain.PoolLevel;

/**
 * The kiosk's stock of server-issued numbers. A number is drawn inside the capture transaction that
 * uses it, so a rolled-back capture gives its number back and a committed one never repeats.
 */
@ApplicationScoped
public class NumberPools {

    private final KioskDatabase database;
    private final InstantSource clock;
    private final KioskConfig config;
    /**
     * The block each pool draws from as the writer connection last saw it, so that a draw needs no
     * {@code select}: it stays the right block (the earliest expiring with numbers left) until it is spent
     * or expires, or new blocks arrive ({@link #store} forgets it). Dropped on any rollback; the
     * {@code update … where next_no = ?} of every draw still checks it against the file.
     */
    private final Map<PoolKind, NumberBlock> writerBlocks = new ConcurrentHashMap<>();

    public NumberPools(KioskDatabase database, InstantSource clock, KioskConfig config) {
        this.database = database;
        this.clock = clock;
        this.config = config;
        database.onRollback(writerBlocks::clear);
    }

    /**
     * Draws the next number of {@code pool} on the capture's connection. When the pool is spent or
     * expired the capture is refused cleanly (409) and nothing is stored.
     */
    public String draw(Connection c, PoolKind pool) throws SQLException {
        Instant now = clock.instant();
        NumberBlock block = writerBlocks.get(pool);
        if (block == null || !block.usableAt(now)) {
            writerBlocks.remove(pool);
            block = PoolLevel.nextBlock(pool, usableBlocks(c, pool, now), now).orElseThrow(() -> KioskRejection.conflict(
                    "pool-exhausted", pool == PoolKind.INVOICE ? "EP-6.2.3" : "EP-6.2.5",
                    pool == PoolKind.INVOICE ? "error.pool.invoice-exhausted" : "error.pool.patient-exhausted"));
        }
        NumberBlock.Drawn drawn = block.draw(now).orElseThrow();
        PreparedStatement ps = database.statement(c, "update number_block set next_no = ? where block_id = ? and next_no = ?");
        ps.setLong(1, drawn.after().next());
        ps.setString(2, block.blockId());
        ps.setLong(3, block.next());
        if (ps.executeUpdate() != 1) {
            writerBlocks.remove(pool);
            throw new SQLException("number block changed concurrently");
        }
        writerBlocks.put(pool, drawn.after());
        return drawn.number();
    }

    /** Stores blocks received from the server (enrolment or refill). */
    public void store(Connection c, List<ServerWire.Block> received) throws SQLException {
        writerBlocks.clear(); // a new block may expire before the current one: draw order is re-read
        for (ServerWire.Block b : received) {
            try (PreparedStatement ps = c.prepareStatement("insert into number_block(block_id, pool, prefix, first_no, last_no, next_no, "
                    + "expires_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict(block_id) do nothing")) {
                ps.setString(1, b.blockId());
                ps.setString(2, PoolKind.valueOf(b.pool()).name());
                ps.setString(3, b.prefix());
                ps.setLong(4, b.first());
                ps.setLong(5, b.last());
                ps.setLong(6, b.first());
                ps.setString(7, b.expiresAt().toString());
                ps.setString(8, clock.instant().toString());
                ps.executeUpdate();
            }
            Log.infof("number block stored block=%s pool=%s size=%d", b.blockId(), b.pool(), b.last() - b.first() + 1);
        }
    }

    public List<PoolLevel> levels() {
        try {
            List<NumberBlock> all = database.read(this::blocks);
            Instant now = clock.instant();
            List<PoolLevel> out = new ArrayList<>();
            for (PoolKind kind : PoolKind.values()) {
                out.add(PoolLevel.of(kind, all, now, config.pool().warnAtOrBelow()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("number pools unreadable", e);
        }
    }

    /** The one block to draw from next (the earliest expiring with numbers left), found by the index. */
    private List<NumberBlock> usableBlocks(Connection c, PoolKind pool, Instant now) throws SQLException {
        List<NumberBlock> out = new ArrayList<>();
        PreparedStatement ps = database.statement(c, "select * from number_block where pool = ? and next_no <= last_no and expires_at > ? "
                + "order by expires_at, first_no limit 1");
        ps.setString(1, pool.name());
        ps.setString(2, now.toString());
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new NumberBlock(rs.getString("block_id"), PoolKind.valueOf(rs.getString("pool")), rs.getString("prefix"),
                        rs.getLong("first_no"), rs.getLong("last_no"), rs.getLong("next_no"), Instant.parse(rs.getString("expires_at"))));
            }
        }
        return out;
    }

    private List<NumberBlock> blocks(Connection c) throws SQLException {
        List<NumberBlock> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from number_block"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new NumberBlock(rs.getString("block_id"), PoolKind.valueOf(rs.getString("pool")), rs.getString("prefix"),
                        rs.getLong("first_no"), rs.getLong("last_no"), rs.getLong("next_no"), Instant.parse(rs.getString("expires_at"))));
            }
        }
        return out;
    }
}
