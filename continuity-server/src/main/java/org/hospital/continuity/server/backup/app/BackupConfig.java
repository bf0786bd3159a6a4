package org.hospital.continuity.server.backup.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Backups and restore tests ({@code continuity.backup.*}), HR-19, EP-7.5. */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.backup")
public interface BackupConfig {

    /** Where backups are written; default {@code <continuity.data-dir>/backups}. */
    Optional<String> dir();

    /** The scratch database a restore test restores into (dropped and created again by each test). */
    @WithDefault("continuity_restore_check")
    String scratchDatabase();

    /** HR-19: a reminder goes to IT when no successful restore test is this old. */
    @WithDefault("14D")
    Duration remindAfter();

    /** How often the reminder check runs; "off" for none. */
    @WithDefault("1H")
    String remindCheckEvery();

    /** How long after start the first reminder check waits. */
    @WithDefault("2M")
    String remindStartDelay();

    /** How many backup files to keep (oldest removed first). */
    @WithDefault("5")
    int keep();
}
