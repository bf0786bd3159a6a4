package org.hospital.continuity.server.hisfeed;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** The HIS reference feed's state per piece, for readiness: when the HIS last answered for it, and whether that is stale. */
public interface HisFeedStatus {

    /**
     * One piece: its code (CENSUS, PRACTITIONERS, DEPARTMENTS, PRICE_CATALOGUE, DRUG_DICTIONARY, ALLERGIES), its Chinese name,
     * the as-of time (null: never answered), the last attempt, the entries held, the last failure (null when it answered)
     * and whether it is stale.
     */
    record Piece(String piece, String zh, Instant asOf, Instant attemptedAt, int count, String error, boolean stale) {
    }

    /** Whether the feed is switched on. */
    boolean enabled();

    /** Every piece in a fixed order; a piece never pulled has a null as-of time and is stale when the feed is on. */
    Uni<List<Piece>> pieces();
}
