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
 * the stand-in FHIR HIS: (1) the HIS is emptied and seeded, a generated outage is written back by {@code WritingBack}
 * with that many workers (matching, candidate searches, writes, price look-ups) and every transaction Bundle it sent is
 * kept; (2) the HIS is emptied and seeded again and the very same Bundles are posted straight to it by as many threads:
 * the HIS's own ingest rate. The figure is write-back visits/s ÷ direct bundles/s (goal ≥ 0.8).
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
        for (String w : workers) {
            int n = Integer.parseInt(w.trim());
            FhirTestServerProcess.reset();
            his.forgetPrices();
            fx.seed(his, ids);
            Keeping keeping = new Keeping(his);
            WritingBack.Report r = new WritingBack(keeping, new CodeMapping(Map.of()), new HisCircuit(5, Duration.ofSeconds(30), Instant::now),
                    new InMemoryLedger(), Instant::now, d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).withConcurrency(n)
                    .run("rate-" + seed, fx.drafts, null);
            double wbSeconds = r.took().toNanos() / 1e9;
            // the candidate index's reads happened inside the run (counted in its time): the HIS's patients once, then catch-ups
            String indexReads = his.candidateIndex().map(ix -> {
                var rd = ix.reads();
                return String.format(Locale.ROOT, "candidate index: %d full read(s) + %d catch-up(s), %d patients read in %.1fs (inside the run)",
                        rd.fullReads(), rd.catchUps(), rd.patientsRead(), rd.took().toNanos() / 1e9);
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
            pool.shutdown();

            double wbRate = keeping.written.size() / wbSeconds;
            double directRate = bundles.size() / directSeconds;
            String line = String.format(Locale.ROOT, "workers %d: write-back %d visits written (%d to the workbench) in %.1fs = %.1f visits/s; "
                            + "direct ingest of the same Bundles (%d; %d left out: they refer to a patient created earlier in the run) in %.1fs = %.1f bundles/s; ratio %.2f; %s",
                    n, keeping.written.size(), r.toWorkbench(), wbSeconds, wbRate, bundles.size(), all.size() - bundles.size(), directSeconds,
                    directRate, wbRate / directRate, indexReads);
            System.out.println("WRITE-BACK RATE " + line);
            lines.add(line);
        }
        System.out.println("WRITE-BACK RATE load " + String.join(" ", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim()));
        lines.forEach(l -> System.out.println("WRITE-BACK RATE summary " + l));
    }
}
