package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.simulation.InMemoryHis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching one downtime record against an in-memory HIS that answers candidate queries by the port's contract. */
class MatchingPolicyTest {

    static final LocalDate DOB = LocalDate.of(1980, 5, 17);
    static final String ID = NationalId.of("110101", DOB, 123);

    /** 2,000 unrelated patients, so that the HIS has a population to weigh frequencies against. */
    static List<PatientFacts> background() {
        List<PatientFacts> out = new ArrayList<>();
        String[] names = {"赵立新", "钱多多", "孙思远", "周子航", "吴佩珊", "郑海燕", "冯一鸣", "陈晓东", "褚卫国", "卫东方"};
        for (int i = 0; i < 2_000; i++) {
            LocalDate d = LocalDate.of(1940, 1, 1).plusDays(i * 13L);
            Sex sex = i % 2 == 0 ? Sex.MALE : Sex.FEMALE;
            out.add(new PatientFacts("Patient/bg-" + i, names[i % names.length] + (char) ('甲' + i % 10), sex, d,
                    String.format("139%08d", i), NationalId.of("320102", d, 2 * (i % 400) + (sex == Sex.MALE ? 1 : 2))));
        }
        return out;
    }

    static InMemoryHis his(PatientFacts... patients) {
        List<PatientFacts> all = background();
        all.addAll(List.of(patients));
        return new InMemoryHis(all);
    }

    static MatchDecision decide(InMemoryHis his, PatientFacts record) {
        return new PatientMatcher(his).decide(record, Set.of());
    }

    static PatientFacts record(String name, Sex sex, LocalDate dob, String phone, String id) {
        return new PatientFacts("visit-1", name, sex, dob, phone, id);
    }

    @Test
    @DisplayName("A valid ID number held by exactly one HIS patient of the same name is an automatic match")
    void exactIdMatchesAutomatically() {
        PatientFacts p = new PatientFacts("Patient/1", "王伟", Sex.MALE, DOB, "13800000001", ID);

        MatchDecision d = decide(his(p), record("王伟", Sex.MALE, DOB, "13911112222", ID));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).hisPatientRef()).isEqualTo("Patient/1");
        assertThat(d.reason()).isEqualTo("ID_EXACT");
    }

    @Test
    @DisplayName("The same ID number under another name is proposed, never matched (a relative's card)")
    void idWithAnotherNameIsAProposal() {
        PatientFacts p = new PatientFacts("Patient/1", "王伟", Sex.MALE, DOB, "13800000001", ID);

        MatchDecision d = decide(his(p), record("李秀英", Sex.MALE, DOB, "13800000001", ID));

        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(d.reason()).isEqualTo("ID_MATCH_NAME_DIFFERS");
    }

    @Test
    @DisplayName("A HIS holding the same ID number twice is a proposal")
    void idHeldTwiceIsAProposal() {
        PatientFacts a = new PatientFacts("Patient/1", "王伟", Sex.MALE, DOB, "13800000001", ID);
        PatientFacts b = new PatientFacts("Patient/2", "王伟", Sex.MALE, DOB, "13800000001", ID);

        MatchDecision d = decide(his(a, b), record("王伟", Sex.MALE, DOB, "13800000001", ID));

        assertThat(d.reason()).isEqualTo("HIS_HOLDS_ID_TWICE");
        assertThat(((MatchDecision.Proposed) d).candidates()).hasSize(2);
    }

    @Test
    @DisplayName("An ID number with a slip finds the patient through its one-slip neighbours and matches on identical demographics")
    void idSlipWithExactDemographicsMatches() {
        PatientFacts p = new PatientFacts("Patient/1", "欧阳娜娜", Sex.FEMALE, DOB, "13800000001", ID);
        char[] c = ID.toCharArray();
        c[9] = c[9] == '9' ? '8' : (char) (c[9] + 1);
        String slipped = new String(c);
        assertThat(NationalId.isValid(slipped)).isFalse();

        CandidateQuery q = Blocking.defaults().plan(record("欧阳娜娜", Sex.FEMALE, DOB, "13800000001", slipped));
        assertThat(((CandidateQuery.ByIdNumbers) q.blocks().get(0)).idNumbers()).contains(ID, slipped);

        MatchDecision d = decide(his(p), record("欧阳娜娜", Sex.FEMALE, DOB, "13800000001", slipped));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).score().outcome(ScoreComponent.Field.NATIONAL_ID))
                .isEqualTo(ScoreComponent.Outcome.CLOSE);
    }

    @Test
    @DisplayName("Two different valid ID numbers with everything else identical go to a person, neither matched nor created")
    void twoValidIdsConflict() {
        PatientFacts p = new PatientFacts("Patient/1", "欧阳娜娜", Sex.FEMALE, DOB, "13800000001", ID);

        MatchDecision d = decide(his(p), record("欧阳娜娜", Sex.FEMALE, DOB, "13800000001", NationalId.of("110101", DOB, 124)));

        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(d.reason()).isEqualTo("ID_CONFLICT");
    }

    @Test
    @DisplayName("Without an ID number, a rare name with sex and birth date identical matches even with a changed phone")
    void rareNameWithChangedPhoneMatches() {
        PatientFacts p = new PatientFacts("Patient/1", "欧阳娜娜", Sex.FEMALE, DOB, "13800000001", ID);

        MatchDecision d = decide(his(p), record("欧阳娜娜", Sex.FEMALE, DOB, "18612345678", null));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(d.reason()).isEqualTo("DEMOGRAPHICS_CERTAIN");
    }

    @Test
    @DisplayName("Term frequencies: agreeing on 王伟 held by 300 patients weighs less than agreeing on a rare name, and a shared birth date less than a rare one")
    void commonValuesWeighLess() {
        List<PatientFacts> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new PatientFacts("Patient/w" + i, "王伟", Sex.MALE, LocalDate.of(1950, 1, 1).plusDays(i * 37L), null, null));
        }
        for (int i = 0; i < 40; i++) {
            many.add(new PatientFacts("Patient/j" + i, "赵甲" + (char) ('一' + i), Sex.MALE, LocalDate.of(1950, 1, 1), null, null));
        }
        many.add(new PatientFacts("Patient/rare", "欧阳娜娜", Sex.FEMALE, DOB, null, null));
        InMemoryHis his = his(many.toArray(PatientFacts[]::new));
        PatientMatcher m = new PatientMatcher(his);

        MatchScore common = best(m, record("王伟", Sex.MALE, LocalDate.of(1950, 1, 1), null, null), "Patient/w0");
        MatchScore rare = best(m, record("欧阳娜娜", Sex.FEMALE, DOB, null, null), "Patient/rare");

        ScoreComponent commonName = common.component(ScoreComponent.Field.NAME);
        ScoreComponent rareName = rare.component(ScoreComponent.Field.NAME);
        assertThat(commonName.sharedBy()).isEqualTo(300);
        assertThat(commonName.commonValue()).isTrue();
        assertThat(commonName.weight()).isLessThan(rareName.weight() - 8);
        ScoreComponent commonDate = common.component(ScoreComponent.Field.BIRTH_DATE);
        assertThat(commonDate.sharedBy()).isGreaterThanOrEqualTo(41);
        assertThat(commonDate.weight()).isLessThan(rare.component(ScoreComponent.Field.BIRTH_DATE).weight() - 5);
    }

    static MatchScore best(PatientMatcher m, PatientFacts record, String ref) {
        Candidates found = m.candidates(record);
        MatchDecision d = m.decide(record, found, 2_341, Set.of());
        List<MatchScore> all = d instanceof MatchDecision.Proposed p ? p.candidates()
                : d instanceof MatchDecision.CreateNew c ? c.nearest() : List.of(((MatchDecision.Matched) d).score());
        return all.stream().filter(s -> s.candidate().ref().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("An incomplete answer from the HIS is never decided: TOO_MANY_CANDIDATES")
    void incompleteAnswerGoesToAPerson() {
        PatientFacts p = new PatientFacts("Patient/1", "王伟", Sex.MALE, DOB, "13800000001", ID);
        InMemoryHis his = his(p);
        PatientFacts r = record("王伟", Sex.MALE, DOB, "13800000001", ID);
        Candidates all = his.candidates(Blocking.defaults().plan(r));
        Candidates partial = new Candidates(all.patients(), all.blocks(), false, "page 3 of 5 not read");

        MatchDecision d = MatchingPolicy.decide(r, partial, his.patientCount(), MatchModel.defaults());

        assertThat(d.reason()).isEqualTo("TOO_MANY_CANDIDATES");
        assertThat(d.automatic()).isFalse();
    }

    @Test
    @DisplayName("Nobody in the HIS comes near a record with an ID number: a new patient, automatically")
    void strangerIsNew() {
        MatchDecision d = decide(his(), record("欧阳娜娜", Sex.FEMALE, DOB, "18612345678", ID));

        assertThat(d).isInstanceOf(MatchDecision.CreateNew.class);
        assertThat(d.newPatientProbability()).isGreaterThan(0.999);
    }

    @Test
    @DisplayName("A written sex that contradicts the record's own valid ID number is a slip the ID number explains")
    void sexSlipExplainedByTheIdNumber() {
        PatientFacts p = new PatientFacts("Patient/1", "王伟", Sex.MALE, DOB, "13800000001", ID);

        MatchDecision d = decide(his(p), record("王伟", Sex.FEMALE, DOB, "13800000001", ID));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
    }
}
