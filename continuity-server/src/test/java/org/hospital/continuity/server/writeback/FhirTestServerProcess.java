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
