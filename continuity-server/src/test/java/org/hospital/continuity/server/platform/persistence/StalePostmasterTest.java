package org.hospital.continuity.server.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalePostmasterTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a postmaster is recognised by its program and its -D folder, relative ones resolved against its working folder")
    void recognisesOnlyAPostgresOfThisFolder() {
        Path data = dir.resolve("server/postgres");
        assertThat(StalePostmaster.isPostgresOf(List.of("/tmp/embedded-pg/PG-1/bin/postgres", "-D", data.toString(), "-p", "5"), null, data))
                .isTrue();
        assertThat(StalePostmaster.isPostgresOf(List.of("/tmp/pg/bin/postgres", "-D", "server/postgres"), dir, data)).isTrue();
        assertThat(StalePostmaster.isPostgresOf(List.of("/tmp/pg/bin/postgres", "-D", "/elsewhere/postgres"), dir, data)).isFalse();
        assertThat(StalePostmaster.isPostgresOf(List.of("/usr/bin/java", "-D", data.toString()), dir, data)).isFalse();
        assertThat(StalePostmaster.isPostgresOf(List.of("/tmp/pg/bin/postgres"), dir, data)).isFalse();
        assertThat(StalePostmaster.isPostgresOf(List.of(), dir, data)).isFalse();
    }

    @Test
    @DisplayName("restart after kill -9: a process holding the folder's postmaster.pid that is not its PostgreSQL is never touched")
    void leavesOtherProcessesAlone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dir.resolve("postmaster.pid"), sleeper.pid() + "\n" + dir + "\n");
            assertThat(StalePostmaster.pidOf(dir)).hasValue(sleeper.pid());
            assertThat(StalePostmaster.stopIfRunning(dir, Duration.ofSeconds(1))).isEmpty();
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    @DisplayName("a missing, unreadable or dead pid file means nothing to stop")
    void nothingToStop() throws Exception {
        assertThat(StalePostmaster.stopIfRunning(dir, Duration.ofSeconds(1))).isEmpty();
        Files.writeString(dir.resolve("postmaster.pid"), "not a pid\n");
        assertThat(StalePostmaster.pidOf(dir)).isEmpty();
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n");
        assertThat(StalePostmaster.stopIfRunning(dir, Duration.ofSeconds(1))).isEmpty();
    }
}
