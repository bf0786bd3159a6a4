package org.hospital.continuity.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.hospital.continuity.server.platform.persistence.EmbeddedDatabase;

/**
 * Entry point of the continuity server.
 *
 * <p>When no datasource is configured (no {@code QUARKUS_DATASOURCE_REACTIVE_URL} in the
 * environment and no {@code quarkus.datasource.reactive.url} system property), it starts an
 * embedded PostgreSQL from Maven Central artifacts in the data folder, so that the README's run
 * command needs nothing installed by hand. Ctrl-C stops Quarkus first, then the database.
 */
@QuarkusMain
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase embedded = EmbeddedDatabase.startIfNoDatasourceConfigured();
        try {
            Quarkus.run(args);
        } finally {
            embedded.close();
        }
    }
}
