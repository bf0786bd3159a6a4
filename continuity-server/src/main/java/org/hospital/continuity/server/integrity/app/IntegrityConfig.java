package org.hospital.continuity.server.integrity.app;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** EP-4.1 integrity watch thresholds ({@code continuity.integrity.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.integrity")
public interface IntegrityConfig {

    /** An import deleting more than this share of the current entries is held as a deletion (percent). */
    @WithDefault("5")
    int maxDeletedPercent();

    /** An import changing more than this share of the current entries is held as an alteration (percent). */
    @WithDefault("20")
    int maxChangedPercent();
}
