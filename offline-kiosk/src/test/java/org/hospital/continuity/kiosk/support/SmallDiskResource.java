package org.hospital.continuity.kiosk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in server, and a kiosk data folder on a small filesystem of its own (a 32 MiB tmpfs,
 * mounted for the test class and unmounted after), so that a test can fill the disk for real:
 * SQLite then gets ENOSPC from the kernel and reports SQLITE_FULL, exactly as on a kiosk PC whose
 * disk ran full. Mounting needs root (CAP_SYS_ADMIN); where that is not available the folder is an
 * ordinary temp folder and {@link #mounted()} is false, so the test is skipped, never faked.
 */
public class SmallDiskResource extends StandInServerResource {

    private static volatile Path mountPoint;
    private static volatile boolean mounted;

    public static boolean mounted() {
        return mounted;
    }

    public static Path dataDir() {
        return mountPoint.resolve("kiosk");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            mountPoint = Files.createTempDirectory("kiosk-small-disk-");
            mounted = run("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", mountPoint.toString());
            config.put("continuity.data-dir", dataDir().toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (mounted) {
            run("umount", "-l", mountPoint.toString());
            mounted = false;
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
