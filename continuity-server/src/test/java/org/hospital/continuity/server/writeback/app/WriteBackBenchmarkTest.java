package org.hospital.continuity.server.writeback.app;

import ca.uhn.fhir.context.FhirContext;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The write-back benchmark of docs/benchmarks.md. Runs only with {@code -Dwriteback.benchmark=true}:
 * a generated 24-hour outage (fixed seed) written into the stand-in FHIR server, then replayed.
 */
class WriteBackBenchmarkTest {

    @Test
    @DisplayName("Issue 9 benchmark: share written back automatically, wrong automatic matches, time and records per second")
    void writeBackA24HourOutage() {
        assumeTrue(Boolean.getBoolean("writeback.benchmark"), "benchmark runs with -Dwriteback.benchmark=true");
        int hisSize = Integer.getInteger("writeback.his", 5_000);
        int visits = Integer.getInteger("writeback.visits", 2_000);
        FhirIdentifiers ids = FhirIdentifiers.defaults();
        FhirHisPort his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), ids, ZoneId.of("Asia/Shanghai"));
        FhirTestServerProcess.reset();
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(20261122L, hisSize, visits, 6,
                Instant.parse("2026-11-21T00:00:00Z")), "bench");
        long s0 = System.nanoTime();
        fx.seed(his, ids);
        double seedSeconds = (System.nanoTime() - s0) / 1e9;

        InMemoryLedger ledger = new InMemoryLedger();
        HisCircuit circuit = new HisCircuit(5, Duration.ofSeconds(30), Instant::now);
        WritingBack.Report r = new WritingBack(his, new CodeMapping(Map.of()), circuit, ledger, Instant::now,
                d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).run("bench", fx.drafts, null);
        int wrong = WritingBackTest.wrongAutomatic(fx, ledger);
        long lines = fx.drafts.stream().mapToLong(d -> d.lines().size()).sum();
        double secs = r.took().toNanos() / 1e9;

        InMemoryLedger replayLedger = new InMemoryLedger();
        WritingBack.Report replay = new WritingBack(his, new CodeMapping(Map.of()), circuit, replayLedger, Instant::now,
                d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).run("bench", fx.drafts, null);
        long createdOnReplay = replayLedger.writtenVisits().values().stream().mapToLong(w -> w.outcome().created()).sum();

        System.out.printf(Locale.ROOT, "WRITE-BACK BENCHMARK his=%d visits=%d lines=%d seed=%.1fs%n", hisSize, visits, lines, seedSeconds);
        System.out.printf(Locale.ROOT, "  automatic: %d of %d = %.2f%% (matched %d, new %d); workbench %d (blocking %d); price flags %d%n",
                r.written(), r.total(), 100.0 * r.automaticShare(), r.matchedPatients(), r.createdPatients(), r.toWorkbench(),
                ledger.items().stream().filter(WorkbenchItem::blocking).count(), r.priceFlags());
        System.out.printf(Locale.ROOT, "  wrong automatic matches: %d%n", wrong);
        System.out.printf(Locale.ROOT, "  time: %.1fs, %.1f visits/s, %.1f lines/s%n", secs, r.written() / secs, lines / secs);
        System.out.printf(Locale.ROOT, "  replay: %.1fs, resources created on replay: %d%n", replay.took().toNanos() / 1e9, createdOnReplay);

        assertThat(wrong).isZero();
        assertThat(r.automaticShare()).isGreaterThanOrEqualTo(0.98);
        assertThat(createdOnReplay).isZero();
    }
}
