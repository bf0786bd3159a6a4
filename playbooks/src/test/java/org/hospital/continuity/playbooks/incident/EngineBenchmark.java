package org.hospital.continuity.playbooks.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.playbook.PlaybookLoader;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's cost (docs/benchmarks.md, "Incident engine"): signals of several mixes fed one by one as the
 * server feeds them, at growing sizes, to show the cost is linear; and start-up after a year of journal, from
 * the journal alone and from a snapshot plus the journal after it. Runs only on request:
 * <pre>./mvnw -B -o -pl playbooks test -Dtest=EngineBenchmark -Dplaybooks.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Prints the figures and writes them to {@code playbooks/target/benchmark-results.md}; fails only when a goal
 * is not met (10,000 signals ≤ 5 s, start-up from a snapshot ≤ 3 s).
 */
@Tag("benchmark")
@DisplayName("Engine benchmark: linear classification, start-up from a snapshot")
class EngineBenchmark {

    private static final IncidentEngine ENGINE = new IncidentEngine(EngineSettings.defaults(), PlaybookLoader.loadDefaults());
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] BUILDINGS = {"A", "B", "C", "D", "E", "F", "G", "H"};
    private static final List<Terminal> TERMINALS = terminals(2_000);

    private static List<Terminal> terminals(int n) {
        Random r = new Random(42);
        Department[] departments = Department.values();
        List<Terminal> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String b = BUILDINGS[r.nextInt(BUILDINGS.length)];
            String floor = Integer.toString(1 + r.nextInt(6));
            String ward = floor + (char) ('A' + r.nextInt(3));
            out.add(new Terminal(String.format("T%05d", i), departments[r.nextInt(departments.length)], ward, b,
                    "10." + (b.charAt(0) - 'A') + "." + floor + ".0/24", floor));
        }
        return out;
    }

    /** The probed series: HIS-wide, one segment per building, insurance, PACS, LIS, key terminals. */
    private record Probe(Component component, String target, Optional<Area> area) {
    }

    private static List<Probe> probes() {
        List<Probe> out = new ArrayList<>(List.of(new Probe(Component.DATABASE_SERVER, "his-db-01", Optional.empty()),
                new Probe(Component.APPLICATION_SERVER, "his-app-01", Optional.empty()),
                new Probe(Component.CORE_NETWORK, "core-sw-01", Optional.empty()),
                new Probe(Component.INSURANCE_LINK, "yibao-1", Optional.empty()),
                new Probe(Component.PACS, "pacs-1", Optional.empty()), new Probe(Component.LIS, "lis-1", Optional.empty())));
        for (String b : BUILDINGS) {
            out.add(new Probe(Component.NETWORK_SEGMENT, "fibre-" + b, Optional.of(Area.building(b))));
        }
        for (int i = 0; i < 4; i++) {
            out.add(new Probe(Component.KEY_TERMINAL, String.format("T%05d", i), Optional.empty()));
        }
        return out;
    }

    /** Any mix: probes flapping, reports from 2,000 terminals, clearances, diagnoses, alarms, decisions. */
    static List<Input> mix(int n, long seed, Instant start, Duration meanGap) {
        Random r = new Random(seed);
        List<Probe> probes = probes();
        boolean[] down = new boolean[probes.size()];
        List<String> reports = new ArrayList<>();
        List<Input> out = new ArrayList<>(n);
        Instant t = start;
        long gap = meanGap.toMillis() * 2;
        Cause[] causes = {Cause.TERMINAL_FAULT, Cause.OPERATOR_ERROR, Cause.OCCASIONAL_PROCESSING_ERROR, Cause.WORKFLOW_BREACH,
                Cause.PARTIAL_NETWORK_DOWN, Cause.SERVER_DOWN};
        for (int i = 0; i < n; i++) {
            t = t.plusMillis((long) (r.nextDouble() * gap));
            String id = "x" + seed + "-" + i;
            int k = r.nextInt(100);
            if (k < 18) {
                int p = r.nextInt(probes.size());
                Probe pr = probes.get(p);
                // mostly up: a component that is down comes back; one that is up fails now and then
                boolean goDown = !down[p] && r.nextInt(4) == 0;
                down[p] = goDown;
                out.add(new Input.Observe(new ProbeResult(id, t, pr.component(), pr.target(), goDown ? ProbeStatus.DOWN : ProbeStatus.UP, "",
                        pr.area())));
            } else if (k < 78) {
                Terminal term = TERMINALS.get(r.nextInt(TERMINALS.size()));
                out.add(new Input.Observe(new FaultReport(id, t, "staff", term, Symptom.values()[r.nextInt(Symptom.values().length)], "")));
                reports.add(id);
            } else if (k < 90 && !reports.isEmpty()) {
                List<String> ids = new ArrayList<>();
                for (int j = 0; j < 1 + r.nextInt(3); j++) {
                    ids.add(reports.get(Math.max(0, reports.size() - 1 - r.nextInt(Math.min(reports.size(), 400)))));
                }
                out.add(new Input.Observe(new Clearance(id, t, "it", ids, "")));
            } else if (k < 95 && !reports.isEmpty()) {
                String about = reports.get(Math.max(0, reports.size() - 1 - r.nextInt(Math.min(reports.size(), 200))));
                out.add(new Input.Observe(new Diagnosis(id, t, "it", causes[r.nextInt(causes.length)], List.of(about), "")));
            } else if (k < 96) {
                out.add(new Input.Observe(new IntegrityAlarm(id, t, IntegrityKind.values()[r.nextInt(IntegrityKind.values().length)], "", "")));
            } else if (k < 98) {
                out.add(new Input.ChangeContext(t, r.nextBoolean() ? Set.of() : Set.of(ContextModifier.HIGH_PATIENT_VOLUME)));
            } else {
                out.add(new Input.RequestManualMode(t, "icu-head", Department.CRITICAL_CARE, "危重病人", Optional.empty(), Optional.empty()));
            }
        }
        return out;
    }

    /** The worst case: that many open fault reports, never cleared, from distinct terminals in eight buildings. */
    static List<Input> openReports(int n, long seed) {
        Random r = new Random(seed);
        List<Input> out = new ArrayList<>(n);
        Instant t = T0;
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(1 + r.nextInt(5));
            String b = BUILDINGS[i % BUILDINGS.length];
            Terminal term = new Terminal(String.format("R%06d", i), Department.values()[r.nextInt(Department.values().length)],
                    "W" + (i % 40), b, "10.9." + (i % 200) + ".0/24", Integer.toString(1 + i % 6));
            out.add(new Input.Observe(new FaultReport("o" + i, t, "staff", term, Symptom.values()[r.nextInt(Symptom.values().length)], "")));
        }
        return out;
    }

    /** One whole-network outage that explains every report filed during it. */
    static List<Input> oneOutage(int n, long seed) {
        List<Input> out = new ArrayList<>(openReports(n - 1, seed));
        out.add(0, new Input.Observe(new ProbeResult("db-down", T0, Component.DATABASE_SERVER, "his-db-01", ProbeStatus.DOWN, "")));
        return out;
    }

    private record Fed(EngineState state, long entries, long advances) {
    }

    /** Feeds the inputs as the server does: every wake-up due before an input first, as its own step. */
    private static Fed feed(EngineState start, List<Input> inputs) {
        EngineState s = start;
        long entries = 0;
        long advances = 0;
        for (Input in : inputs) {
            Optional<Instant> wake = ENGINE.nextWakeUp(s);
            while (wake.isPresent() && wake.get().isBefore(in.at())) {
                IncidentEngine.Step step = ENGINE.advanceTo(s, wake.get());
                entries += step.entries().size();
                advances++;
                s = step.state();
                wake = ENGINE.nextWakeUp(s);
            }
            IncidentEngine.Step step = ENGINE.accept(s, in);
            entries += step.entries().size();
            s = step.state();
        }
        return new Fed(s, entries, advances);
    }

    private static double seconds(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e9;
    }

    /** CPU seconds of this thread while {@code r} runs (less sensitive than wall time to a busy machine). */
    private static double cpuSeconds(Runnable r) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t = threads.getCurrentThreadCpuTime();
        r.run();
        return (threads.getCurrentThreadCpuTime() - t) / 1e9;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static long compileMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : -1;
    }

    @Test
    @DisplayName("10,000 signals of any mix ≤ 5 s, linear in the number of signals; start-up from a snapshot after a year ≤ 3 s")
    void benchmark() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("load before: " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim() + "\n\n");
        md.append("| mix | signals | median wall s | median CPU s | µs/signal (wall) | entries |\n|---|---:|---:|---:|---:|---:|\n");
        // warm-up until the JIT has settled: rounds of the 10,000 mix until compilation took < 5 % of a round
        int rounds = 0;
        long before = compileMillis();
        double warmSeconds = 0;
        while (rounds < 30) {
            double s = seconds(() -> feed(ENGINE.start(T0, Set.of()), mix(10_000, 1, T0, Duration.ofSeconds(6))));
            long after = compileMillis();
            rounds++;
            warmSeconds += s;
            boolean settled = before >= 0 && (after - before) < 0.05 * s * 1000;
            before = after;
            if (rounds >= 3 && settled) {
                break;
            }
        }
        System.out.printf("warm-up: %d rounds, %.1f s%n", rounds, warmSeconds);
        double tenThousandAnyMix = 0;
        for (String kind : List.of("any mix", "open reports", "one outage")) {
            for (int n : new int[] {1_000, 2_000, 5_000, 10_000, 20_000}) {
                List<Input> inputs = switch (kind) {
                    case "any mix" -> mix(n, 100 + n, T0, Duration.ofSeconds(6));
                    case "open reports" -> openReports(n, 200 + n);
                    default -> oneOutage(n, 300 + n);
                };
                double[] times = new double[5];
                double[] cpu = new double[5];
                long[] entries = new long[1];
                for (int i = 0; i < times.length; i++) {
                    double[] c = new double[1];
                    times[i] = seconds(() -> c[0] = cpuSeconds(() -> entries[0] = feed(ENGINE.start(T0, Set.of()), inputs).entries()));
                    cpu[i] = c[0];
                }
                double m = median(times);
                if (kind.equals("any mix") && n == 10_000) {
                    tenThousandAnyMix = m;
                }
                String line = String.format("| %s | %,d | %.3f | %.3f | %.1f | %,d |", kind, n, m, median(cpu), m * 1e6 / n, entries[0]);
                System.out.println(line);
                md.append(line).append('\n');
            }
        }

        // a year of journal: inputs as they come, and the ADVANCE rows the playbook clock writes between them
        List<Input> year = mix(130_000, 7, T0, Duration.ofSeconds(243));
        Instant lastDay = year.get(year.size() - 1).at().minus(Duration.ofDays(1));
        List<Input> beforeSnapshot = year.stream().filter(i -> i.at().isBefore(lastDay)).toList();
        List<Input> tail = year.subList(beforeSnapshot.size(), year.size());
        double full = seconds(() -> feed(ENGINE.start(T0, Set.of()), year));
        Fed atSnapshot = feed(ENGINE.start(T0, Set.of()), beforeSnapshot);
        Map<String, Object> tree = ENGINE.snapshot(atSnapshot.state());
        String json = Json.write(tree);
        double[] startUps = new double[5];
        for (int i = 0; i < startUps.length; i++) {
            startUps[i] = seconds(() -> feed(ENGINE.restore(Json.copy(tree)), tail));
        }
        double startUp = median(startUps);
        String yearLine = String.format("year of journal: %,d inputs + %,d clock rows; full replay %.2f s; snapshot %,d chars JSON "
                        + "(%d open incidents), start-up from it + %,d inputs of the last day: %.3f s",
                year.size(), atSnapshot.advances(), full, json.length(), atSnapshot.state().open().size(), tail.size(), startUp);
        System.out.println(yearLine);
        md.append('\n').append(yearLine).append('\n');
        md.append("\nload after: " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim() + "\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-results.md"), md.toString(), StandardCharsets.UTF_8);

        assertThat(tenThousandAnyMix).as("10,000 signals of any mix").isLessThanOrEqualTo(5.0);
        assertThat(startUp).as("start-up from a snapshot after a year").isLessThanOrEqualTo(3.0);
    }

    /** Enough JSON to measure the size of a snapshot and to copy its tree as a parse would. */
    static final class Json {
        static String write(Object o) {
            StringBuilder sb = new StringBuilder();
            write(o, sb);
            return sb.toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(Object o, StringBuilder sb) {
            if (o instanceof Map<?, ?> m) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    sb.append(first ? "" : ",");
                    first = false;
                    write(e.getKey(), sb);
                    sb.append(':');
                    write(e.getValue(), sb);
                }
                sb.append('}');
            } else if (o instanceof List<?> l) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i > 0 ? "," : "");
                    write(l.get(i), sb);
                }
                sb.append(']');
            } else if (o instanceof String s) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(o);
            }
        }

        /** A deep copy with fresh maps and lists, as parsing the stored JSON gives. */
        @SuppressWarnings("unchecked")
        static Map<String, Object> copy(Map<String, Object> m) {
            return (Map<String, Object>) copyOf(m);
        }

        @SuppressWarnings("unchecked")
        private static Object copyOf(Object o) {
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copyOf(v)));
                return out;
            }
            if (o instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(x -> out.add(copyOf(x)));
                return out;
            }
            return o;
        }
    }
}
