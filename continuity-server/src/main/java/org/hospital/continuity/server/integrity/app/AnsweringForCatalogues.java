package org.hospital.continuity.server.integrity.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.server.integrity.VerifiedCatalogues;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.persistence.SnapshotStore;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The integrity watch's answer to {@link VerifiedCatalogues}: its CURRENT snapshots and their items. */
@ApplicationScoped
public class AnsweringForCatalogues implements VerifiedCatalogues {

    private final SnapshotStore store;

    public AnsweringForCatalogues(SnapshotStore store) {
        this.store = store;
    }

    @Override
    public Uni<List<Current>> current(Tx tx) {
        return store.currentAll(tx).chain(snapshots -> {
            List<Current> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SnapshotStore.Snapshot s : snapshots) {
                chain = chain.chain(() -> store.items(tx, s.id()).invoke(items -> out.add(new Current(s.id(),
                        s.catalogue() == Catalogue.DRUG_DICTIONARY, items.stream().map(i -> new Item(i.code(), i.name(), i.specification(),
                                i.unit(), i.priceFen(), i.insuranceClass(), i.category())).toList())))).replaceWithVoid();
            }
            return chain.map(v -> out);
        });
    }
}
