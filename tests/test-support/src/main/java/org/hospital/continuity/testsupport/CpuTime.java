package org.hospital.continuity.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds used by a process (and, for PostgreSQL, its backends) or by its threads, from /proc, to show where a
 * benchmark's time goes (the kiosk's and the sync benchmark). Threads are read from {@code /proc/<pid>/task}, so the
 * JVM's own threads (JIT compilers, GC workers), which {@code ThreadMXBean} does not list, are counted too.
 */
public final class CpuTime {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private CpuTime() {
    }

    /** utime + stime (+ reaped children when {@code withReapedChildren}). */
    public static double of(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process and all its live children (one level: PostgreSQL's backends), reaped children included. */
    public static double withChildren(long pid) {
        double total = of(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) {
                        total += of(Long.parseLong(name), false);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /**
     * CPU seconds of each group of a process's threads: threads named alike but for a trailing number (a pool's
     * threads, "C2 CompilerThread0" and "…1") together, under that name without the number.
     */
    public static Map<String, Double> threadsByName(long pid) {
        Map<String, Double> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (ticks > 0) {
                        groups.merge(name.replaceAll("[-#\\s]*\\d+$", ""), ticks / TICKS, Double::sum);
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return groups; // not Linux: no breakdown
        }
        return groups;
    }

    /** CPU seconds of a JVM's JIT compiler threads ("C1 CompilerThre…", "C2 CompilerThre…": /proc cuts names at 15 characters). */
    public static double compilerThreads(long pid) {
        return threadsByName(pid).entrySet().stream()
                .filter(e -> e.getKey().startsWith("C1 CompilerThre") || e.getKey().startsWith("C2 CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
