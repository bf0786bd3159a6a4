package org.hospital.continuity.server.writeback.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The write-back rate benchmark of docs/benchmarks.md ("Write-back rate against the HIS's own ingest"). Runs only with
 * {@code -Dwriteback.rate=true}. For each concurrency in {@code writeback.workers} (default {@code 1,2,4}), in one run on
 * the stand-in FHIR HIS: (1) the HIS is emptied and seeded, the candidate index is read ahead as the write-back service
 * does while the HIS answers (timed apart), a generated outage is written back by {@code WritingBack} with that many
 * workers (matching from the index and its catch-ups, writes, price look-ups) and every transaction Bundle it sent is
 * kept; (2) the HIS is emptied and seeded again and the very same Bundles are posted straight to it by as many threads:
 * the HIS's own ingest rate. The figure is write-back visits/s ÷ direct bundles/s (goal ≥ 0.8); the line also gives it
 * with the read ahead counted in. Warm-up rounds (one per concurrency, not counted) come first, and each line says how
 * many CPU, JIT and GC seconds the HIS and this JVM spent in each phase: a phase that compiled much measured the compiler.
 */
class WriteBackRateBenchmarkTest {

    /** Passes everything to the HIS and keeps the visits it was asked to write, as written. */
    static final class Keeping implements HisPort {
        final FhirHisPort his;
        final List<DowntimeVisit> written = Collections.synchronizedList(new ArrayList<>());

        Keeping(FhirHisPort his) {
            this.his = his;
        }

        @Override
        public Candidates candidates(CandidateQuery query) {
            return his.candidates(query);
        }

        @Override
        public long patientCount() {
            return his.patientCount();
        }

        @Override
        public void catchUp() {
            his.catchUp();
        }

        @Override
        public Optional<Long> currentPriceFen(String hisCode) {
            return his.currentPriceFen(hisCode);
        }

        @Override
        public WriteOutcome write(DowntimeVisit visit) {
            WriteOutcome out = his.write(visit);
            if (out instanceof WriteOutcome.Written) {
                written.add(visit);
            }
            return out;
        }
    }

    private static double median(List<double[]> pairs, int i) {
        double[] v = pairs.stream().mapToDouble(p -> p[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Counts the HTTP requests this JVM's FHIR client sends to the HIS, by method and resource/operation. */
    static final class Requests implements AutoCloseable {
        private final FhirHisPort his;
        private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> counts = new java.util.concurrent.ConcurrentHashMap<>();

        private Requests(FhirHisPort his) {
            this.his = his;
        }

        static Requests counting(FhirHisPort his) {
            Requests r = new Requests(his);
            his.client().registerInterceptor(r);
            return r;
        }

        @ca.uhn.fhir.interceptor.api.Hook(ca.uhn.fhir.interceptor.api.Pointcut.CLIENT_REQUEST)
        public void request(ca.uhn.fhir.rest.client.api.IHttpRequest request) {
            String url = request.getUri();
            String path = url.replaceFirst("^https?://[^/]+/[^/?]*/?", "").replaceFirst("^fhir/?", "");
            String kind = path.contains("_getpages") ? "page" : path.replaceFirst("[/?].*", "");
            if (path.contains("_history")) {
                kind += "(_history)";
            } else if (path.contains("_lastUpdated")) {
                kind += "(_lastUpdated)";
            }
            counts.computeIfAbsent(request.getHttpVerbName() + " " + (kind.isEmpty() ? "/" : kind), k -> new java.util.concurrent.atomic.LongAdder()).increment();
        }

        String take() {
            String s = new java.util.TreeMap<>(counts).toString();
            counts.clear();
            return s;
        }

        @Override
        public void close() {
            his.client().unregisterInterceptor(this);
        }
    }

    /**
     * A snapshot of where the two cores go: CPU seconds, JIT compilation seconds and GC pause seconds of the stand-in
     * HIS's process and of this JVM. {@link #since} gives the difference over a phase: the JIT line of docs/benchmarks.md
     * (a phase that compiles much measures the compiler, not the write-back).
     */
    record Cpu(Duration his, FhirTestServerProcess.JitAndGc hisJit, long hereNanos, FhirTestServerProcess.JitAndGc hereJit) {
        record Used(double his, double here, FhirTestServerProcess.JitAndGc hisJit, FhirTestServerProcess.JitAndGc hereJit) {
        }

        static Cpu start() {
            return new Cpu(FhirTestServerProcess.cpuTime(), FhirTestServerProcess.jitAndGc(), here(), jitHere());
        }

        Used stop() {
            return new Used((FhirTestServerProcess.cpuTime().minus(his)).toNanos() / 1e9, (here() - hereNanos) / 1e9,
                    FhirTestServerProcess.jitAndGc().minus(hisJit), jitHere().minus(hereJit));
        }

        private static long here() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static FhirTestServerProcess.JitAndGc jitHere() {
            long gcMillis = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
            return new FhirTestServerProcess.JitAndGc(java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3,
                    gcMillis / 1e3);
        }

        static String describe(Used u) {
            return String.format(Locale.ROOT, "HIS %.1f CPU s (JIT %.1f, GC pauses %.1f) + here %.1f CPU s (JIT %.1f, GC pauses %.1f)",
                    u.his(), u.hisJit().compileSeconds(), u.hisJit().gcSeconds(), u.here(), u.hereJit().compileSeconds(), u.hereJit().gcSeconds());
        }
    }

    @Test
    @DisplayName("Write-back rate against the stand-in HIS's direct ingest of the same Bundles at the same concurrency")
    void writeBackRateAgainstDirectIngest() throws Exception {
        assumeTrue(Boolean.getBoolean("writeback.rate"), "benchmark runs with -Dwriteback.rate=true");
        int hisSize = Integer.getInteger("writeback.his", 20_000);
        int visits = Integer.getInteger("writeback.visits", 1_000);
        long seed = Long.getLong("writeback.seed", 1L);
        String[] workers = System.getProperty("writeback.workers", "1,2,4").split(",");
        FhirIdentifiers ids = FhirIdentifiers.defaults();
        // -Dwriteback.index=false: the per-visit candidate searches, for a same-run baseline
        FhirHisPort his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), ids, ZoneId.of("Asia/Shanghai"),
                java.time.InstantSource.system(), !"false".equals(System.getProperty("writeback.index")));
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(seed, hisSize, visits, 6, Instant.parse("2026-11-21T00:00:00Z")),
                "rate-" + seed);
        List<String> lines = new ArrayList<>();
        // Warm-up rounds first (-Dwriteback.warmup=false leaves them out), one per concurrency, not counted: both JVMs compile
        // the write-back's and the ingest's hot code, one thread's and several threads' paths, before anything is timed, so
        // that neither phase pays the other's JIT (each line's JIT figures say whether that held).
        List<String> rounds = new ArrayList<>();
        if (!"false".equals(System.getProperty("writeback.warmup"))) {
            for (String w : workers) {
                rounds.add("warm-up " + w.trim());
            }
        }
        // -Dwriteback.repeat=N (default 3): the measured rounds N times, interleaved (1,2,4,1,2,4,…), and the median ratio of
        // each concurrency: the direct ingest alone moves by ±15 % from one round to the next on this machine
        int repeat = Integer.getInteger("writeback.repeat", 3);
        for (int k = 0; k < repeat; k++) {
            rounds.addAll(List.of(workers));
        }
        Map<Integer, List<double[]>> measured = new java.util.TreeMap<>();
        for (String w : rounds) {
            boolean warmUp = w.startsWith("warm-up ");
            int n = Integer.parseInt(w.replace("warm-up ", "").trim());
            FhirTestServerProcess.reset();
            his.forgetPrices();
            fx.seed(his, ids);
            // As the write-back service does every few minutes while the HIS answers (readiness, before any outage): the
            // candidate index is read ahead, timed apart; -Dwriteback.ahead=false reads it inside the run instead.
            long a0 = System.nanoTime();
            if (!"false".equals(System.getProperty("writeback.ahead"))) {
                his.keepAhead();
            }
            double aheadSeconds = (System.nanoTime() - a0) / 1e9;
            Keeping keeping = new Keeping(his);
            Requests requests = Requests.counting(his);
            System.out.println("WRITE-BACK RATE phase write-back workers " + n + " starts " + Instant.now());
            Cpu wbCpu = Cpu.start();
            WritingBack.Report r = new WritingBack(keeping, new CodeMapping(Map.of()), new HisCircuit(5, Duration.ofSeconds(30), Instant::now),
                    new InMemoryLedger(), Instant::now, d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).withConcurrency(n)
                    .run("rate-" + seed, fx.drafts, null);
            double wbSeconds = r.took().toNanos() / 1e9;
            Cpu.Used wbUsed = wbCpu.stop();
            String wbRequests = requests.take();
            System.out.println("WRITE-BACK RATE phase write-back workers " + n + " ends " + Instant.now() + "; requests " + wbRequests);
            // the candidate index's reads happened inside the run (counted in its time): the HIS's patients once, then catch-ups
            String indexReads = his.candidateIndex().map(ix -> {
                var rd = ix.reads();
                return String.format(Locale.ROOT, "candidate index: %d full read(s) + %d catch-up(s), %d patients read in %.1fs (%.1fs of it "
                                + "read ahead before the run)", rd.fullReads(), rd.catchUps(), rd.patientsRead(), rd.took().toNanos() / 1e9, aheadSeconds);
            }).orElse("candidate searches per visit (no index)");
            // A Bundle that refers to a patient this very write-back created (server-assigned id, Patient/<digits>) cannot
            // be posted to a freshly seeded HIS, where that id does not exist: the direct ingest leaves those out and the
            // line says how many. The Bundles that create a new patient themselves (conditional create) stay in.
            List<Bundle> all = keeping.written.stream().map(his::bundleOf).toList();
            var json = FhirContext.forR4Cached().newJsonParser();
            java.util.regex.Pattern createdEarlier = java.util.regex.Pattern.compile("\"reference\"\\s*:\\s*\"Patient/\\d+\"");
            List<Bundle> bundles = all.stream().filter(b -> !createdEarlier.matcher(json.encodeResourceToString(b)).find()).toList();

            FhirTestServerProcess.reset();
            his.forgetPrices();
            fx.seed(his, ids);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            AtomicInteger next = new AtomicInteger();
            requests.take();
            System.out.println("WRITE-BACK RATE phase direct workers " + n + " starts " + Instant.now());
            Cpu directCpu = Cpu.start();
            long t0 = System.nanoTime();
            List<Future<?>> posting = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                posting.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < bundles.size(); k = next.getAndIncrement()) {
                        his.client().transaction().withBundle(bundles.get(k)).execute();
                    }
                }));
            }
            for (Future<?> f : posting) {
                f.get();
            }
            double directSeconds = (System.nanoTime() - t0) / 1e9;
            Cpu.Used directUsed = directCpu.stop();
            System.out.println("WRITE-BACK RATE phase direct workers " + n + " ends " + Instant.now() + "; requests " + requests.take());
            requests.close();
            pool.shutdown();

            double wbRate = keeping.written.size() / wbSeconds;
            double directRate = bundles.size() / directSeconds;
            // the same run with the read ahead counted in (a server that held no index when the HIS came back)
            double coldRatio = keeping.written.size() / (wbSeconds + aheadSeconds) / directRate;
            String line = String.format(Locale.ROOT, "workers %d: write-back %d visits written (%d to the workbench) in %.1fs = %.1f visits/s; "
                            + "direct ingest of the same Bundles (%d; %d left out: they refer to a patient created earlier in the run) in %.1fs = %.1f bundles/s; ratio %.2f "
                            + "(%.2f counting the index's read ahead in); %s",
                    n, keeping.written.size(), r.toWorkbench(), wbSeconds, wbRate, bundles.size(), all.size() - bundles.size(), directSeconds,
                    directRate, wbRate / directRate, coldRatio, indexReads);
            // where the two cores went, and the JIT line: during the write-back (here = the write-back) and the direct ingest
            // (here = the posting threads)
            line += String.format(Locale.ROOT, "; write-back phase: %s = %.1f ms/visit; direct phase: %s = %.1f ms/bundle",
                    Cpu.describe(wbUsed), 1000 * (wbUsed.his() + wbUsed.here()) / Math.max(1, keeping.written.size()),
                    Cpu.describe(directUsed), 1000 * (directUsed.his() + directUsed.here()) / Math.max(1, bundles.size()));
            System.out.println("WRITE-BACK RATE " + (warmUp ? "(warm-up, not counted) " : "") + line);
            if (!warmUp) {
                lines.add(line);
                measured.computeIfAbsent(n, x -> new ArrayList<>()).add(new double[] {wbRate / directRate, coldRatio, wbRate, directRate});
            }
        }
        System.out.println("WRITE-BACK RATE load " + String.join(" ", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim()));
        lines.forEach(l -> System.out.println("WRITE-BACK RATE summary " + l));
        measured.forEach((n, pairs) -> System.out.println(String.format(Locale.ROOT,
                "WRITE-BACK RATE median workers %d over %d same-run pairs: ratio %.2f (each: %s); counting the index's read ahead in %.2f; "
                        + "write-back %.1f visits/s, direct %.1f bundles/s (medians)", n, pairs.size(), median(pairs, 0),
                String.join(" ", pairs.stream().map(p -> String.format(Locale.ROOT, "%.2f", p[0])).toList()), median(pairs, 1),
                median(pairs, 2), median(pairs, 3))));
    }
}
