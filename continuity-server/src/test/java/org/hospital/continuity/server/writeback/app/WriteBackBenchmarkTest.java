package org.hospital.continuity.server.writeback.app;

import ca.uhn.fhir.context.FhirContext;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.matching.Blocking;
import org.hospital.continuity.sync.matching.DowntimeDuplicates;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.PatientMatcher;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The write-back benchmark of docs/benchmarks.md. Runs only with {@code -Dwriteback.benchmark=true}: generated
 * 24-hour outages (seeds {@code writeback.seed} … + {@code writeback.seeds} − 1; populations of {@code writeback.his},
 * {@code writeback.visits} registrations) written into the stand-in FHIR server through {@code WritingBack} and
 * {@code FhirHisPort}, graded against the ground truth; the matching is then timed apart from the HIS round trips
 * on the very answers the run received. {@code -Dwriteback.replay=true} also replays every outage.
 */
class WriteBackBenchmarkTest {

    @Test
    @DisplayName("Write-back benchmark: wrong automatic outcomes, share automatic, matching time apart from HIS round trips, records per second")
    void writeBackGeneratedOutages() {
        assumeTrue(Boolean.getBoolean("writeback.benchmark"), "benchmark runs with -Dwriteback.benchmark=true");
        int hisSize = Integer.getInteger("writeback.his", 20_000);
        int visits = Integer.getInteger("writeback.visits", 2_000);
        long firstSeed = Long.getLong("writeback.seed", 1L);
        int seeds = Integer.getInteger("writeback.seeds", 10);
        FhirIdentifiers ids = FhirIdentifiers.defaults();
        FhirHisPort his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), ids, ZoneId.of("Asia/Shanghai"));
        int allVisits = 0;
        int allWritten = 0;
        int allWrong = 0;
        double worstMatching = 0;
        List<String> lines = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            FhirTestServerProcess.reset();
            his.forgetPrices();
            OutageFixture fx = new OutageFixture(OutageDataSet.generate(seed, hisSize, visits, 6,
                    Instant.parse("2026-11-21T00:00:00Z")), "bench-" + seed);
            long s0 = System.nanoTime();
            fx.seed(his, ids);
            double seedSeconds = (System.nanoTime() - s0) / 1e9;
            long patients = his.patientCount();

            TimedHis timed = new TimedHis(his);
            InMemoryLedger ledger = new InMemoryLedger();
            HisCircuit circuit = new HisCircuit(5, Duration.ofSeconds(30), Instant::now);
            WritingBack.Report r = new WritingBack(timed, new CodeMapping(Map.of()), circuit, ledger, Instant::now,
                    d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).run("bench-" + seed, fx.drafts, null);
            OutageGrading g = OutageGrading.of(fx, ledger);
            writeItems(seed, fx, ledger);
            double matchingSeconds = matchingAlone(fx.drafts, timed, patients);
            double secs = r.took().toNanos() / 1e9;
            long lineCount = fx.drafts.stream().mapToLong(d -> d.lines().size()).sum();

            String line = String.format(Locale.ROOT, "seed %d: HIS %d patients loaded in %.1fs; %s; run %.1fs (%.1f visits/s, %.1f lines/s): "
                            + "candidate searches %d in %.1fs, writes %.1fs, other HIS calls %.1fs; matching alone %.2fs",
                    seed, patients, seedSeconds, g, secs, visits / secs, lineCount / secs, timed.candidateQueries,
                    timed.candidateNanos / 1e9, timed.writeNanos / 1e9, timed.otherNanos / 1e9, matchingSeconds);
            System.out.println("WRITE-BACK BENCHMARK " + line);
            lines.add(line);
            if (Boolean.getBoolean("writeback.replay")) {
                InMemoryLedger replayLedger = new InMemoryLedger();
                ledger.writtenVisits().forEach((v, w) -> replayLedger.decide(v, w.outcome().hisPatientRef()));
                WritingBack.Report replay = new WritingBack(his, new CodeMapping(Map.of()), circuit, replayLedger, Instant::now,
                        d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).run("bench-" + seed, fx.drafts, null);
                long createdOnReplay = replayLedger.writtenVisits().values().stream().mapToLong(w -> w.outcome().created()).sum();
                System.out.printf(Locale.ROOT, "WRITE-BACK BENCHMARK   replay %.1fs, resources created on replay: %d%n",
                        replay.took().toNanos() / 1e9, createdOnReplay);
                assertThat(createdOnReplay).isZero();
            }
            allVisits += g.visits();
            allWritten += g.written();
            allWrong += g.wrong();
            worstMatching = Math.max(worstMatching, matchingSeconds);
        }
        System.out.printf(Locale.ROOT, "WRITE-BACK BENCHMARK all %d seeds: %d visits, %d automatic (%.2f%%), %d wrong; slowest matching %.2fs%n",
                seeds, allVisits, allWritten, 100.0 * allWritten / allVisits, allWrong, worstMatching);

        assertThat(allWrong).as("%s", lines).isZero();
        assertThat(allWritten / (double) allVisits).as("%s", lines).isGreaterThanOrEqualTo(0.98);
        assertThat(worstMatching).as("seconds of matching for one outage").isLessThan(60);
    }

    /**
     * The workbench items of one seed, for looking at them one by one before any threshold is touched: per blocking item
     * its reason, whether the person really is in the HIS, the slips the generator made, and the candidates' scores
     * (whether the best is the true person). No names, ID numbers or phones: generated people, still kept out of files.
     * Written to {@code target/benchmark-items/seed-N.tsv}.
     */
    static void writeItems(long seed, OutageFixture fx, InMemoryLedger ledger) {
        StringBuilder out = new StringBuilder("reason\tdetail\tperson_in_his\tslips\tcandidates\tbest_p\tbest_is_true\tsecond_p\tbest_parts\n");
        for (var i : ledger.items()) {
            if (!i.blocking()) {
                continue;
            }
            var c = fx.truth.get(i.visitId());
            var sorted = i.candidates().stream()
                    .sorted(java.util.Comparator.comparingDouble((org.hospital.continuity.sync.matching.MatchScore m) ->
                            m.probability() == null ? -1 : m.probability()).reversed()).toList();
            String bestP = sorted.isEmpty() || sorted.get(0).probability() == null ? "" : String.format(Locale.ROOT, "%.6f", sorted.get(0).probability());
            String secondP = sorted.size() < 2 || sorted.get(1).probability() == null ? "" : String.format(Locale.ROOT, "%.6f", sorted.get(1).probability());
            String bestTrue = sorted.isEmpty() || c == null ? "" : String.valueOf(OutageFixture.personOf(sorted.get(0).candidate().ref()) == c.truth().id());
            String parts = sorted.isEmpty() ? "" : sorted.get(0).components().toString().replaceAll("[\\t\\n]", " ");
            String detail = i.detail() == null ? "" : i.detail().replaceAll("[\\t\\n]", " ");
            out.append(i.reason()).append('\t').append(detail.matches("[A-Z_]+") ? detail : "").append('\t')
                    .append(c == null ? "" : c.personInHis()).append('\t').append(c == null ? "" : c.slips()).append('\t')
                    .append(sorted.size()).append('\t').append(bestP).append('\t').append(bestTrue).append('\t').append(secondP)
                    .append('\t').append(parts).append('\n');
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "benchmark-items");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("seed-" + seed + ".tsv"), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The matching of one outage on the answers the HIS gave during the run: grouping and every decision, no round trip. */
    static double matchingAlone(List<VisitDraft> drafts, TimedHis answers, long patients) {
        PatientMatcher matcher = new PatientMatcher(answers);
        Blocking blocking = Blocking.defaults();
        long t0 = System.nanoTime();
        List<PatientFacts> facts = new ArrayList<>();
        for (VisitDraft d : drafts) {
            PatientFacts p = d.patient();
            facts.add(new PatientFacts(d.visitId().toString(), p.name(), p.sex(), p.birthDate(), p.phone(), p.nationalId()));
        }
        DowntimeDuplicates.group(facts);
        for (VisitDraft d : drafts) {
            Candidates found = answers.answers.get(blocking.plan(d.patient()));
            if (found != null) {
                matcher.decide(d.patient(), found, patients, Set.of());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
