package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated outages (populations of 20,000, 2,000 registrations each) played through matching against an in-memory
 * HIS answering by the candidate-query contract: no wrong automatic outcome, at least 98 % automatic, and the
 * matching itself (HIS round trips apart) fast and linear. {@code -Dmatching.seeds=10} runs ten seeds; the same
 * outages through the real FHIR path are the server's write-back benchmark (docs/benchmarks.md).
 */
class ZeroWrongAutomaticMatchTest {

    @Test
    @DisplayName("Generated outages: zero wrong automatic outcomes (wrong patient, new for existing, existing for new, wrong or missed merge), ≥ 98 % automatic")
    void noWrongAutomaticOutcome() {
        int seeds = Integer.getInteger("matching.seeds", 3);
        int visits = 0;
        int automatic = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            OutageDataSet data = OutageDataSet.generate(seed, 20_000, 2_000, 6, Instant.parse("2026-11-21T00:00:00Z"));

            OutageReplay.Tally t = OutageReplay.run(data);

            System.out.printf(Locale.ROOT, "seed %d: %s%n", seed, t);
            assertThat(t.wrong()).as("seed %d %s", seed, t).isZero();
            assertThat(t.workbench()).as("the hard cases do reach the workbench").isPositive();
            // matching 2,000 registrations against 20,000 patients: well under the 60 s budget on this machine
            assertThat(t.matchingNanos() / 1e9).as("seconds of matching, seed %d", seed).isLessThan(60);
            visits += t.visits();
            automatic += t.matched() + t.created();
        }
        assertThat(automatic / (double) visits).as("automatic share over %d seeds", seeds).isGreaterThanOrEqualTo(0.98);
    }
}
