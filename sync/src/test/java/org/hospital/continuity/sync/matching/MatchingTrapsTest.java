package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.simulation.InMemoryHis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traps that produced wrong automatic outcomes before matching became probabilistic and its candidate
 * retrieval complete: the 202nd holder of a common name, twins equal on every grouping field, a homophone slip.
 * The same traps run through the real FHIR path in the server's {@code MatchingTrapsFhirTest}.
 */
class MatchingTrapsTest {

    static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    /** 250 patients named 王刚 in insertion order; the 202nd was born on {@link #BORN}. */
    static List<PatientFacts> twoHundredFiftyWangGang() {
        List<PatientFacts> out = new ArrayList<>(MatchingPolicyTest.background());
        for (int i = 1; i <= 250; i++) {
            LocalDate d = i == 202 ? BORN : LocalDate.of(1940, 2, 3).plusDays(i * 97L);
            if (i != 202 && d.getYear() == BORN.getYear()) {
                d = d.plusYears(2);
            }
            out.add(new PatientFacts("Patient/wg-" + i, "王刚", Sex.MALE, d, String.format("137%08d", i), null));
        }
        return out;
    }

    @Test
    @DisplayName("The 202nd 王刚 (same name and sex, birth date a day off, new phone, no ID) is a candidate: never a new patient")
    void the202ndNamesakeIsFound() {
        InMemoryHis his = new InMemoryHis(twoHundredFiftyWangGang());
        PatientFacts r = new PatientFacts("visit-1", "王刚", Sex.MALE, BORN.plusDays(1), "18899990000", null);

        for (Blocking b : List.of(Blocking.defaults(), Blocking.withLimits(100, 1_000))) {
            PatientMatcher m = new PatientMatcher(his, b, MatchModel.defaults());
            Candidates found = m.candidates(r);
            MatchDecision d = m.decide(r, found, his.patientCount(), Set.of());

            assertThat(found.complete()).isTrue();
            assertThat(found.patients()).extracting(PatientFacts::ref).contains("Patient/wg-202");
            assertThat(d).as("name limit %d", b.nameLimit()).isInstanceOf(MatchDecision.Proposed.class);
            MatchDecision.Proposed p = (MatchDecision.Proposed) d;
            assertThat(p.candidates().get(0).candidate().ref()).isEqualTo("Patient/wg-202");
            assertThat(p.candidates().get(0).component(ScoreComponent.Field.NAME).commonValue()).isTrue();
        }
        // narrowed to name + birth year, the other 249 holders were not read, and they are counted
        Candidates narrowed = new PatientMatcher(his, Blocking.withLimits(100, 1_000), MatchModel.defaults()).candidates(r);
        assertThat(narrowed.blocks()).anySatisfy(x -> {
            assertThat(x.narrowed()).isTrue();
            assertThat(x.holders()).isEqualTo(250);
        });
    }

    @Test
    @DisplayName("Twins equal on name, sex, birth date and phone: the one with an ID number matches; the one without goes to a person, and their same-outage group decides nothing")
    void twinsEqualOnEveryGroupingField() {
        LocalDate born = LocalDate.of(2016, 8, 9);
        String idA = NationalId.of("310104", born, 202);
        String idB = NationalId.of("310104", born, 204);
        PatientFacts twinA = new PatientFacts("Patient/twin-a", "张一凡", Sex.FEMALE, born, "13912345678", idA);
        PatientFacts twinB = new PatientFacts("Patient/twin-b", "张一凡", Sex.FEMALE, born, "13912345678", idB);
        List<PatientFacts> all = new ArrayList<>(MatchingPolicyTest.background());
        all.add(twinA);
        all.add(twinB);
        InMemoryHis his = new InMemoryHis(all);
        PatientMatcher m = new PatientMatcher(his);
        PatientFacts withId = new PatientFacts("visit-1", "张一凡", Sex.FEMALE, born, "13912345678", idA);
        PatientFacts withoutId = new PatientFacts("visit-2", "张一凡", Sex.FEMALE, born, "13912345678", null);

        MatchDecision a = m.decide(withId, Set.of());
        MatchDecision b = m.decide(withoutId, Set.of());

        assertThat(a).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) a).hisPatientRef()).isEqualTo("Patient/twin-a");
        assertThat(b).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(b.reason()).isEqualTo("SEVERAL_CANDIDATES");
        assertThat(((MatchDecision.Proposed) b).candidates()).extracting(s -> s.candidate().ref())
                .contains("Patient/twin-a", "Patient/twin-b");
        // the two registrations look like one person registered twice ...
        DowntimeDuplicates.Result groups = DowntimeDuplicates.group(List.of(withId, withoutId));
        assertThat(groups.groups()).hasSize(1);
        // ... but the group never decides between HIS patients: a twin matched elsewhere or "new" disagrees
        assertThat(DowntimeDuplicates.groupDisagrees(new MatchDecision.Matched(
                Scoring.score(withoutId, twinB), "DEMOGRAPHICS_CERTAIN", 0), "Patient/twin-a")).isTrue();
        assertThat(DowntimeDuplicates.groupDisagrees(new MatchDecision.CreateNew(List.of(), "NO_CANDIDATE", 1), "Patient/twin-a"))
                .isTrue();
        assertThat(b.automatic()).isFalse();
    }

    @Test
    @DisplayName("A homophone slip (汪玮 written for 王伟, no ID number) finds 王伟 by birth date and sound: a person confirms, no new patient")
    void homophoneSlipIsFound() {
        LocalDate born = LocalDate.of(1971, 11, 2);
        PatientFacts wangWei = new PatientFacts("Patient/ww", "王伟", Sex.MALE, born, "13655554444",
                NationalId.of("440103", born, 135));
        List<PatientFacts> all = new ArrayList<>(MatchingPolicyTest.background());
        all.add(wangWei);
        InMemoryHis his = new InMemoryHis(all);
        // a new phone too: only the birth-date block (by sound of the surname when narrowed) can find him
        PatientFacts slip = new PatientFacts("visit-1", "汪玮", Sex.MALE, born, "18600001111", null);

        for (Blocking b : List.of(Blocking.defaults(), Blocking.withLimits(1_000, 0))) {
            PatientMatcher m = new PatientMatcher(his, b, MatchModel.defaults());
            MatchDecision d = m.decide(slip, Set.of());

            assertThat(d).as("birth date limit %d", b.birthDateLimit()).isInstanceOf(MatchDecision.Proposed.class);
            MatchScore best = ((MatchDecision.Proposed) d).candidates().get(0);
            assertThat(best.candidate().ref()).isEqualTo("Patient/ww");
            assertThat(best.outcome(ScoreComponent.Field.NAME)).isEqualTo(ScoreComponent.Outcome.HOMOPHONE);
            assertThat(d.reason()).isEqualTo("NAME_ONLY_SIMILAR");
        }
        // with the ID number on the form the same slip is matched automatically
        MatchDecision withId = new PatientMatcher(his).decide(
                new PatientFacts("visit-2", "王玮", Sex.MALE, born, null, wangWei.nationalId()), Set.of());
        assertThat(withId).isInstanceOf(MatchDecision.Matched.class);
    }
}
