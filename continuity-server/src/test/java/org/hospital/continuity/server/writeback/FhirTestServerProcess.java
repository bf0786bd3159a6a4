package org.hospital.continuity.server.writeback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in HIS: a real HAPI FHIR JPA server (module tests/fhir-server) started once per test JVM as
 * a child process, on a free port, stopped with SIGTERM when the JVM exits. {@link #reset()} expunges
 * everything between tests.
 */
public final class FhirTestServerProcess {

    private static final String READY = "FHIR-TEST-SERVER READY ";
    private static String baseUrl;
    private static Process process;

    private FhirTestServerProcess() {
    }

    /** The base URL, starting the server on first use (takes 15 s to 2 min depending on the machine's load). */
    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            start();
        }
        return baseUrl;
    }

    private static void start() {
        Path dir = Path.of(System.getProperty("fhir.test.server.dir", "../tests/fhir-server/target"));
        Path cpFile = dir.resolve("fhir-server.classpath");
        try {
            if (!Files.exists(cpFile)) {
                throw new IllegalStateException("no " + cpFile + ": build with -am so tests/fhir-server is built first");
            }
            String cp = dir.resolve("classes") + java.io.File.pathSeparator + Files.readString(cpFile).trim();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // tests start fast with the C1 compiler only; the long benchmarks (-Dfhir.test.fulljit=true) give the HIS its
            // full JIT, as a real HIS runs, so that they do not measure a half-compiled server
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + System.getProperty("fhir.test.xmx", "512m")));
            if (!Boolean.getBoolean("fhir.test.fulljit")) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            // e.g. -Dfhir.test.jvmargs=-XX:StartFlightRecording=filename=his.jfr (profiling the HIS during a benchmark)
            String extra = System.getProperty("fhir.test.jvmargs", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-cp", cp, "org.hospital.continuity.fhirtest.FhirTestServer", "0"));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectErrorStream(true);
            process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(FhirTestServerProcess::stop, "fhir-test-server-stop"));
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread drain = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith(READY)) {
                            ready.complete(line.substring(READY.length()).trim());
                        }
                    }
                } catch (IOException ignored) {
                    // process ended
                }
                ready.completeExceptionally(new IllegalStateException("FHIR test server exited before it was ready"));
            }, "fhir-test-server-output");
            drain.setDaemon(true);
            drain.start();
            baseUrl = ready.get(300, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("FHIR test server did not start", e);
        }
    }

    /** CPU time the stand-in HIS's process has used so far (benchmarks: how much of the machine the HIS took). */
    public static Duration cpuTime() {
        baseUrl();
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The stand-in HIS's JIT and GC so far, from its performance counters ({@code jcmd <pid> PerfCounter.print}): seconds
     * spent compiling (all compiler threads) and in GC pauses, for the benchmarks' JIT line.
     */
    public static JitAndGc jitAndGc() {
        baseUrl();
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "PerfCounter.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            java.util.Map<String, Long> c = new java.util.HashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(eq + 1).trim().matches("\\d+")) {
                    c.put(line.substring(0, eq).trim(), Long.parseLong(line.substring(eq + 1).trim()));
                }
            }
            double hz = c.getOrDefault("sun.os.hrt.frequency", 1_000_000_000L);
            long gc = c.entrySet().stream().filter(e -> e.getKey().matches("sun\\.gc\\.collector\\.\\d+\\.time"))
                    .mapToLong(java.util.Map.Entry::getValue).sum();
            return new JitAndGc(c.getOrDefault("java.ci.totalTime", 0L) / hz, gc / hz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seconds of JIT compilation and of GC a JVM has spent so far. */
    public record JitAndGc(double compileSeconds, double gcSeconds) {
        public JitAndGc minus(JitAndGc earlier) {
            return new JitAndGc(compileSeconds - earlier.compileSeconds, gcSeconds - earlier.gcSeconds);
        }
    }

    /** SIGTERM, then wait. */
    static synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deletes every resource ({@code $expunge} with expungeEverything). */
    public static void reset() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/$expunge"))
                    .timeout(Duration.ofMinutes(15)) // expunging a 20,000-patient outage takes minutes on a loaded machine
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\",\"parameter\":"
                            + "[{\"name\":\"expungeEverything\",\"valueBoolean\":true}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("$expunge answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
