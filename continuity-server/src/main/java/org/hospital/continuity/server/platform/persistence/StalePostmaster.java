package org.hospital.continuity.server.platform.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded PostgreSQL of a server that was killed (kill -9, a power-off of the JVM only) keeps running with
 * parent 1 and holds its data folder ({@code postmaster.pid}), so the next start of the server fails. Before the
 * embedded database starts, a postmaster still running on <em>this</em> data folder is stopped (SIGTERM: a
 * smart shutdown, which ends at once because its clients died with the old server; SIGKILL after the wait,
 * crash-safe through the WAL). A process that is not a PostgreSQL of this folder is never touched.
 */
final class StalePostmaster {

    private StalePostmaster() {
    }

    /** The postmaster's pid from the first line of {@code postmaster.pid}, when the file exists and holds one. */
    static OptionalLong pidOf(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return first.matches("[0-9]{1,10}") ? OptionalLong.of(Long.parseLong(first)) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether this process is a PostgreSQL server on this data folder: its program is {@code postgres} and its
     * {@code -D} argument, resolved against the process's working folder when relative, is the folder.
     */
    static boolean isPostgresOf(java.util.List<String> args, Path workingDir, Path dataDir) {
        if (args.isEmpty() || !Path.of(args.get(0)).getFileName().toString().startsWith("postgres")) {
            return false;
        }
        int d = args.indexOf("-D");
        if (d < 0 || d + 1 >= args.size()) {
            return false;
        }
        Path given = Path.of(args.get(d + 1));
        Path resolved = given.isAbsolute() || workingDir == null ? given : workingDir.resolve(given);
        return resolved.toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize());
    }

    /**
     * Stops a postmaster left running on this data folder by a server that died; returns what was done, for the
     * start-up line (empty when there was nothing to stop).
     */
    static Optional<String> stopIfRunning(Path dataDir, Duration wait) {
        OptionalLong pid = pidOf(dataDir);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || process.get().pid() == ProcessHandle.current().pid()) {
            return Optional.empty(); // a stale file of a dead postmaster: PostgreSQL itself deals with it
        }
        if (!isPostgresOf(arguments(process.get()), workingDir(process.get()), dataDir)) {
            return Optional.empty();
        }
        ProcessHandle p = process.get();
        p.destroy();
        if (waitForExit(p, wait)) {
            return Optional.of("stopped the embedded PostgreSQL (pid " + p.pid() + ") a previous server left running");
        }
        p.destroyForcibly();
        waitForExit(p, Duration.ofSeconds(10));
        return Optional.of("killed the embedded PostgreSQL (pid " + p.pid() + ") a previous server left running; it did not stop within "
                + wait.toSeconds() + " s");
    }

    private static java.util.List<String> arguments(ProcessHandle p) {
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                String all = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
                return java.util.Arrays.stream(all.split("\0")).filter(a -> !a.isEmpty()).toList();
            }
        } catch (IOException e) {
            // fall back to what the JDK knows
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        p.info().command().ifPresent(out::add);
        p.info().arguments().ifPresent(a -> out.addAll(java.util.List.of(a)));
        return out;
    }

    private static Path workingDir(ProcessHandle p) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean waitForExit(ProcessHandle p, Duration wait) {
        try {
            p.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        }
    }
}
