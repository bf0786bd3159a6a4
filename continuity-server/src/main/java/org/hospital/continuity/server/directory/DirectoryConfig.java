package org.hospital.continuity.server.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.time.ZoneId;

/** Directory and roster settings ({@code continuity.directory.*}). */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.directory")
public interface DirectoryConfig {

    /** The hospital's time zone: duty shifts (HR-15) and same-day/next-day deadlines (EP-8.4) are local. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** EP-9.1: a contact channel not confirmed within this period is listed as stale. */
    @WithDefault("P180D")
    Period contactConfirmEvery();
}
