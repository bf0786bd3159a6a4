package org.hospital.continuity.server.probe.app;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Probe rounds ({@code continuity.probes.*}); the probes themselves are configured through the API. */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.probes")
public interface ProbeConfig {

    /** How often each instance looks for due probes. */
    @WithDefault("1S")
    Duration poll();

    /** Set false to run no probe rounds in this instance. */
    @WithDefault("true")
    boolean enabled();

    /** Most probes one instance runs per poll. */
    @WithDefault("20")
    int batch();
}
