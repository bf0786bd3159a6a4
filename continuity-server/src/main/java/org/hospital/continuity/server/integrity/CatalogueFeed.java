package org.hospital.continuity.server.integrity;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * EP-4.1, HR-10: a guarded dictionary (price catalogue or drug dictionary) as the HIS reference feed read it. The
 * integrity watch compares it with the current one: every change an approval covers becomes current; any change none
 * covers holds it back (kiosks keep pricing from the current one) and raises a Class I integrity alarm with the entries
 * as evidence.
 */
public interface CatalogueFeed {

    /** What the watch did with a pull: the snapshot stored (null when nothing changed) and the entries no approval covered. */
    record Outcome(String status, int changes, List<String> unapproved) {
    }

    /** The entries read from the HIS at {@code asOf}; {@code drugDictionary} false means the price catalogue. */
    Uni<Outcome> received(boolean drugDictionary, List<VerifiedCatalogues.Item> items, Instant asOf);
}
