package org.hospital.continuity.kiosk.relay.config;

import io.smallrye.config.ConfigMapping;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.WithDefault;

/** HIS down, LAN up: the relay follower's settings ({@code continuity.relay.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.relay")
public interface RelayConfig {

    /** Whether the kiosk follows the server's relay of other stations' records (off in the kiosk's tests). */
    @WithDefault("true")
    boolean enabled();

    /** How long the server may hold one question while nothing is there for this kiosk (a long poll), in milliseconds. */
    @WithDefault("20000")
    long waitMillis();
}
