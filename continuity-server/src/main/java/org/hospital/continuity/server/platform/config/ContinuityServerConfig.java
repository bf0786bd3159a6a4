package org.hospital.continuity.server.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings of the continuity server ({@code continuity.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity")
public interface ContinuityServerConfig {

    /** Folder for the server's own files (the embedded PostgreSQL lives in {@code <data-dir>/postgres}). */
    @WithDefault("data/server")
    String dataDir();

    /** Limits of the JSON API. */
    Api api();

    interface Api {
        /**
         * Largest request body accepted by ordinary endpoints, in bytes; a larger one gets a 413
         * problem+json and nothing is stored. Sync ingest has its own, larger limit.
         */
        @WithDefault("1048576")
        long maxBodyBytes();
    }
}
