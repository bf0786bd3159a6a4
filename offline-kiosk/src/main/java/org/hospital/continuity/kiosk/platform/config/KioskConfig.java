package org.hospital.continuity.kiosk.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings of an offline kiosk ({@code continuity.*}; env {@code CONTINUITY_*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity")
public interface KioskConfig {

    /** Folder holding the kiosk's SQLite journal ({@code kiosk.db}) and its other files. */
    @WithDefault("data/kiosk")
    String dataDir();

    /** Base URL of the continuity server. The kiosk works without it; it syncs when it is reachable. */
    @WithDefault("http://localhost:8080")
    String serverUrl();

    /** How long one reachability check of the server may take, in milliseconds. */
    @WithDefault("2000")
    int serverTimeoutMillis();

    /** Readiness fails when the data folder's disk has less free space than this, in MiB. */
    @WithDefault("200")
    long minFreeDiskMib();

    /** Limits of the kiosk's local JSON API. */
    Api api();

    interface Api {
        /** Largest request body accepted, in bytes; a larger one gets a 413 problem+json. */
        @WithDefault("262144")
        long maxBodyBytes();
    }
}
