package org.hospital.continuity.server.integrity;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * HR-10, EP-4.1: the imports of the guarded dictionaries (price catalogue, drug dictionary) that passed the integrity
 * watch and are current. Kiosks price from them: a kiosk's reference snapshot reads them in its own transaction.
 */
public interface VerifiedCatalogues {

    /** One entry; the price in fen. */
    record Item(String code, String name, String specification, String unit, long priceFen, String insuranceClass, String category) {
    }

    /** A current import: its id, whether it is the drug dictionary (else the price catalogue), and its entries by code. */
    record Current(UUID snapshotId, boolean drugDictionary, List<Item> items) {
    }

    /** The current imports, ordered by catalogue name (drug dictionary, then price catalogue), read in the caller's transaction. */
    Uni<List<Current>> current(Tx tx);
}
