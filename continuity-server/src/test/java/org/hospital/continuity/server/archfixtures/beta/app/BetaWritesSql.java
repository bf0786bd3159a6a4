package org.hospital.continuity.server.archfixtures.beta.app;

import io.vertx.mutiny.sqlclient.Tuple;

/** Breaks the SQL rule: a SQL client type outside persistence. */
public class BetaWritesSql {
    public Tuple row() {
        return Tuple.of(1);
    }
}
