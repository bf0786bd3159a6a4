package org.hospital.continuity.kiosk.pool;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.kiosk.pool.domain.NumberBlock;
import org.hospital.continuity.kiosk.pool.persistence.NumberBlockTable;

/**
 * The kiosk's stock of server-issued numbers. A number is drawn inside the capture transaction that
 * uses it, so a rolled-back capture gives its number back and a committed one never repeats.
 */
@ApplicationScoped
public class NumberPools {

    /** A block of numbers as the server issued it (at enrolment or on refill). */
    public record IssuedBlock(String blockId, PoolKind pool, String prefix, long first, long last, Instant expiresAt) {
    }

    private final NumberBlockTable table;
    private final InstantSource clock;
    private final KioskConfig config;
    /**
     * The block each pool draws from as the writer connection last saw it, so that a draw needs no
     * {@code select}: it stays the right block (the earliest expiring with numbers left) until it is spent
     * or expires, or new blocks arrive ({@link #store} forgets it). Dropped on any rollback; the
     * {@code update … where next_no = ?} of every draw still checks it against the file.
     */
    private final Map<PoolKind, NumberBlock> writerBlocks = new ConcurrentHashMap<>();

    public NumberPools(NumberBlockTable table, KioskDatabase database, InstantSource clock, KioskConfig config) {
        this.table = table;
        this.clock = clock;
        this.config = config;
        database.onRollback(writerBlocks::clear);
    }

    /**
     * Draws the next number of {@code pool} in the capture's transaction. When the pool is spent or
     * expired the capture is refused cleanly (409) and nothing is stored.
     */
    public String draw(WriteTransaction transaction, PoolKind pool) {
        Instant now = clock.instant();
        NumberBlock block = writerBlocks.get(pool);
        if (block == null || !block.usableAt(now)) {
            writerBlocks.remove(pool);
            block = PoolLevel.nextBlock(pool, table.usable(transaction, pool, now), now).orElseThrow(() -> KioskRejection.conflict(
                    "pool-exhausted", pool == PoolKind.INVOICE ? "EP-6.2.3" : "EP-6.2.5",
                    pool == PoolKind.INVOICE ? "error.pool.invoice-exhausted" : "error.pool.patient-exhausted"));
        }
        NumberBlock.Drawn drawn = block.draw(now).orElseThrow();
        try {
            table.advance(transaction, block, drawn.after());
        } catch (KioskStorageException e) {
            writerBlocks.remove(pool);
            throw e;
        }
        writerBlocks.put(pool, drawn.after());
        return drawn.number();
    }

    /** Stores blocks received from the server (enrolment or refill) inside {@code transaction}. */
    public void store(WriteTransaction transaction, List<IssuedBlock> received) {
        writerBlocks.clear(); // a new block may expire before the current one: draw order is re-read
        for (IssuedBlock b : received) {
            table.insert(transaction, b, clock.instant());
            Log.infof("number block stored block=%s pool=%s size=%d", b.blockId(), b.pool(), b.last() - b.first() + 1);
        }
    }

    public List<PoolLevel> levels() {
        List<NumberBlock> all = table.all();
        Instant now = clock.instant();
        List<PoolLevel> out = new ArrayList<>();
        for (PoolKind kind : PoolKind.values()) {
            out.add(PoolLevel.of(kind, all, now, config.pool().warnAtOrBelow()));
        }
        return out;
    }
}
