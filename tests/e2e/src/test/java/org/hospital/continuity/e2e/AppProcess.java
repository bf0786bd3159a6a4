package org.hospital.continuity.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One packaged Quarkus app run as a separate JVM, the way the run command starts it: its output
 * goes to a log file under target/e2e-logs, its base URL is read from its "Listening on" line
 * (port 0, so parallel runs never collide), and it can be stopped (SIGTERM) or killed (SIGKILL).
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^\\s,]+)");

    private final String name;
    private final Process process;
    private final CompletableFuture<String> baseUrl = new CompletableFuture<>();

    private AppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    out.flush();
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        baseUrl.complete(m.group(1).replace("0.0.0.0", "127.0.0.1"));
                    }
                }
            } catch (IOException e) {
                baseUrl.completeExceptionally(e);
            }
            baseUrl.completeExceptionally(new IllegalStateException(name + " exited before listening; see " + log));
        }, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** The project root (set by failsafe; falls back to ../.. of the module). */
    public static Path root() {
        String r = System.getProperty("continuity.root");
        return r != null ? Path.of(r) : Path.of("../..").toAbsolutePath().normalize();
    }

    public static AppProcess start(String name, Path jar, Map<String, String> systemProperties, Map<String, String> env) throws IOException {
        return start(name, jar, List.of("-Xmx512m"), systemProperties, env);
    }

    /** As {@link #start(String, Path, Map, Map)} with the given JVM options (heap size …) instead of {@code -Xmx512m}. */
    public static AppProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> systemProperties,
                                   Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Not packaged yet: " + jar + " (run ./mvnw package first)");
        }
        Path logs = Path.of("target", "e2e-logs");
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("QUARKUS_DATASOURCE_REACTIVE_URL");
        return new AppProcess(name, pb.start(), logs.resolve(name + "-" + System.nanoTime() + ".log"));
    }

    public String awaitBaseUrl(Duration timeout) throws Exception {
        return baseUrl.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Ctrl-C in the run command: the app shuts down cleanly (and stops its embedded database). */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: power cut or kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
