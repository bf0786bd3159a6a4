package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockingTest {

    static final LocalDate DOB = LocalDate.of(1980, 5, 17);

    @Test
    @DisplayName("An ID number failing its check character asks for every valid number one slip away, the right one among them")
    void idSlipNeighbours() {
        String id = NationalId.of("110101", DOB, 123);
        for (int i = 0; i < 18; i++) {
            char[] c = id.toCharArray();
            c[i] = i == 17 ? (c[i] == '0' ? '1' : '0') : (c[i] == '9' ? '0' : (char) (c[i] + 1));
            String slipped = new String(c);
            if (NationalId.isValid(slipped)) {
                continue;
            }
            assertThat(NationalId.oneSlipAway(slipped)).as("slip at %d", i).contains(id);
        }
        String swapped = id.substring(0, 3) + id.charAt(4) + id.charAt(3) + id.substring(5);
        if (!swapped.equals(id)) {
            assertThat(NationalId.oneSlipAway(swapped)).contains(id);
        }
    }

    @Test
    @DisplayName("A full record plans ID, phone, name, birth-date and birth-year-by-sound blocks; a name's narrowed form carries the birth year and the close dates of other years")
    void fullRecordPlansEveryBlock() {
        PatientFacts r = new PatientFacts("v", "王伟", Sex.MALE, DOB, "13800000001", NationalId.of("110101", DOB, 123));

        CandidateQuery q = Blocking.defaults().plan(r);

        assertThat(q.blocks()).hasSize(5);
        CandidateQuery.ByName name = (CandidateQuery.ByName) q.blocks().get(2);
        assertThat(name.birthYear()).isEqualTo(1980);
        assertThat(name.nearDates()).contains(LocalDate.of(1986, 5, 17), LocalDate.of(1989, 5, 17)).allMatch(d -> d.getYear() != 1980);
        CandidateQuery.ByBirthDate date = (CandidateQuery.ByBirthDate) q.blocks().get(3);
        assertThat(date.surnames()).contains("王", "汪");
    }

    @Test
    @DisplayName("The chance that a true match escaped every block falls with every block asked and rises when one was narrowed")
    void missProbability() {
        MatchModel m = MatchModel.defaults();
        PatientFacts full = new PatientFacts("v", "王伟", Sex.MALE, DOB, "13800000001", NationalId.of("110101", DOB, 123));
        PatientFacts bare = new PatientFacts("v", "王伟", Sex.MALE, DOB, null, null);
        List<Candidates.BlockResult> fullBlocks = Blocking.defaults().plan(full).blocks().stream()
                .map(b -> new Candidates.BlockResult(b, 1, false)).toList();
        List<Candidates.BlockResult> bareBlocks = Blocking.defaults().plan(bare).blocks().stream()
                .map(b -> new Candidates.BlockResult(b, 1, false)).toList();
        List<Candidates.BlockResult> narrowed = Blocking.defaults().plan(bare).blocks().stream()
                .map(b -> new Candidates.BlockResult(b, 5_000, b instanceof CandidateQuery.ByName)).toList();

        double pFull = Blocking.missProbability(full, fullBlocks, m);
        double pBare = Blocking.missProbability(bare, bareBlocks, m);
        double pNarrowed = Blocking.missProbability(bare, narrowed, m);

        assertThat(pFull).isLessThan(pBare / 10);
        assertThat(pBare).isLessThan(0.01);
        assertThat(pNarrowed).isGreaterThan(pBare);
    }
}
