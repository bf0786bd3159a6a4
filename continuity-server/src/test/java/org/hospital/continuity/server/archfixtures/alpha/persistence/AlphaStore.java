package org.hospital.continuity.server.archfixtures.alpha.persistence;

import io.vertx.mutiny.sqlclient.Tuple;

/** alpha's store: SQL here is fine. */
public class AlphaStore {
    public Tuple key(String name) {
        return Tuple.of(name);
    }
}
