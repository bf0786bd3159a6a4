package org.hospital.continuity.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in HIS of the journeys: the real HAPI FHIR R4 JPA server of {@code tests/fhir-server}, started as a child
 * JVM from the classpath file its build writes (as the server's write-back tests do), log under target/e2e-logs.
 * The test only puts into it what the hospital's HIS held before the outage (a patient on the ward and the stay) and
 * reads back what the write-back put there; it never talks to the continuity server through it.
 */
final class StandInHis implements AutoCloseable {

    private static final String READY = "FHIR-TEST-SERVER READY ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private StandInHis(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static StandInHis start() throws Exception {
        Path dir = Path.of(System.getProperty("fhir.test.server.dir", AppProcess.root().resolve("tests/fhir-server/target").toString()));
        Path cpFile = dir.resolve("fhir-server.classpath");
        if (!Files.exists(cpFile)) {
            throw new IllegalStateException("no " + cpFile + ": build with -am so that tests/fhir-server is built first");
        }
        String cp = dir.resolve("classes") + java.io.File.pathSeparator + Files.readString(cpFile).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                "org.hospital.continuity.fhirtest.FhirTestServer", "0")).redirectErrorStream(true).start();
        Path logs = Path.of("target", "e2e-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve("stand-in-his-" + System.nanoTime() + ".log");
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    out.flush();
                    if (line.startsWith(READY)) {
                        ready.complete(line.substring(READY.length()).trim());
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("the stand-in HIS exited before it was ready; see " + log));
        }, "stand-in-his-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new StandInHis(p, ready.get(300, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Creates a resource as the HIS held it before the outage; answers its reference ({@code Patient/123}). */
    String create(String resourceJson) throws Exception {
        JsonNode r = JSON.readTree(resourceJson);
        String type = r.path("resourceType").asText();
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + type)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(resourceJson)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 201) {
            throw new IllegalStateException("the stand-in HIS answered " + a.statusCode() + " to " + type);
        }
        return type + "/" + JSON.readTree(a.body()).path("id").asText();
    }

    /** Every resource a search finds (all pages). */
    List<JsonNode> search(String type, String query) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String url = baseUrl + "/" + type + "?" + query + (query.isEmpty() ? "" : "&") + "_count=200";
        while (url != null) {
            HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (a.statusCode() != 200) {
                throw new IllegalStateException("the stand-in HIS answered " + a.statusCode() + " to " + url);
            }
            JsonNode bundle = JSON.readTree(a.body());
            bundle.path("entry").forEach(e -> out.add(e.path("resource")));
            url = null;
            for (JsonNode l : bundle.path("link")) {
                if ("next".equals(l.path("relation").asText())) {
                    url = l.path("url").asText();
                }
            }
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
