package org.hospital.continuity.sync.matching;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingPolicyTest {

    static final LocalDate DOB = LocalDate.of(1980, 5, 17);
    static final String ID = NationalId.of("110101", DOB, 123);
    static final String PHONE = "13800138000";

    static PatientFacts his(String ref, String name, Sex sex, LocalDate dob, String phone, String id) {
        return new PatientFacts(ref, name, sex, dob, phone, id);
    }

    static PatientFacts captured(String name, Sex sex, LocalDate dob, String phone, String id) {
        return new PatientFacts("dt", name, sex, dob, phone, id);
    }

    @Test
    @DisplayName("Issue 9: a valid ID number held by exactly one HIS patient of the same name is an automatic match")
    void exactIdMatchesAutomatically() {
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, null, ID),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID), his("Patient/2", "张伟", Sex.MALE, DOB.plusYears(3), null, null)));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).hisPatientRef()).isEqualTo("Patient/1");
        assertThat(d.reason()).isEqualTo("ID_EXACT");
    }

    @Test
    @DisplayName("Issue 9: the same ID number under another name is proposed, not matched")
    void idWithAnotherNameIsAProposal() {
        MatchDecision d = MatchingPolicy.decide(captured("张为", Sex.MALE, DOB, "13911112222", ID),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID)));

        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(d.reason()).isEqualTo("ID_MATCH_NAME_DIFFERS");
        assertThat(d.automatic()).isFalse();
    }

    @Test
    @DisplayName("Issue 9: the same valid ID number, one character of the given name off, and identical sex, birth date and phone is a typo")
    void idWithNameTypoAndSamePhoneMatches() {
        MatchDecision d = MatchingPolicy.decide(captured("张为", Sex.MALE, DOB, PHONE, ID),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID)));

        assertThat(d.reason()).isEqualTo("ID_EXACT_NAME_TYPO");
        assertThat(d.automatic()).isTrue();
    }

    @Test
    @DisplayName("Issue 9: a HIS holding the same ID number twice is a proposal")
    void idHeldTwiceIsAProposal() {
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, ID),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID), his("Patient/2", "张伟", Sex.MALE, DOB, PHONE, ID)));

        assertThat(d.reason()).isEqualTo("HIS_HOLDS_ID_TWICE");
    }

    @Test
    @DisplayName("Issue 9: without an ID number, name, sex, birth date and phone all identical on one candidate match automatically")
    void exactDemographicsMatchAutomatically() {
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, null),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID)));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(d.reason()).isEqualTo("DEMOGRAPHICS_EXACT");
        MatchScore s = ((MatchDecision.Matched) d).score();
        assertThat(s.components()).extracting(ScoreComponent::explain)
                .containsExactly("NATIONAL_ID MISSING +0", "NAME EXACT +40", "SEX EXACT +10", "BIRTH_DATE EXACT +30", "PHONE EXACT +20");
        assertThat(s.total()).isEqualTo(100);
    }

    @Test
    @DisplayName("Issue 9: a twin (same surname, birth date and parents' phone, another given name) is never matched automatically")
    void twinIsNotMatched() {
        PatientFacts twin = his("Patient/2", "张强", Sex.MALE, DOB, PHONE, NationalId.of("110101", DOB, 125));
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, null), List.of(twin));

        // one character off in a two-character given name looks like a typo: a person decides
        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);

        PatientFacts twinWithOtherGivenName = his("Patient/3", "张晓明", Sex.MALE, DOB, PHONE, null);
        MatchDecision other = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, null), List.of(twinWithOtherGivenName));
        assertThat(other).isInstanceOf(MatchDecision.CreateNew.class);
        assertThat(((MatchDecision.CreateNew) other).nearest().get(0).total()).isLessThan(MatchingPolicy.PROPOSAL_THRESHOLD);
    }

    @Test
    @DisplayName("Issue 9: a namesake born on another day with another phone is not a candidate")
    void namesakeIsNotMatched() {
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, null),
                List.of(his("Patient/9", "张伟", Sex.MALE, LocalDate.of(1975, 2, 3), "13911112222", null)));

        assertThat(d).isInstanceOf(MatchDecision.CreateNew.class);
    }

    @Test
    @DisplayName("Issue 9: an exact candidate with a namesake of the same birth date nearby is only proposed")
    void exactCandidateWithAnotherNearIsProposed() {
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, null),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, null), his("Patient/2", "张伟", Sex.MALE, DOB, "13911112222", null)));

        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(d.reason()).isEqualTo("OTHER_CANDIDATES_NEAR");
        assertThat(((MatchDecision.Proposed) d).candidates()).extracting(s -> s.candidate().ref())
                .containsExactly("Patient/1", "Patient/2");
    }

    @Test
    @DisplayName("Issue 9: an ID number with a typo is no evidence; identical demographics and a number one digit away still match")
    void idTypoWithExactDemographicsMatches() {
        char[] c = ID.toCharArray();
        c[10] = c[10] == '9' ? '8' : (char) (c[10] + 1);
        String typo = new String(c);
        assertThat(NationalId.isValid(typo)).isFalse();

        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, typo),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID)));

        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).score().outcome(ScoreComponent.Field.NATIONAL_ID))
                .isEqualTo(ScoreComponent.Outcome.CLOSE);
    }

    @Test
    @DisplayName("Issue 9: two different valid ID numbers with everything else identical go to a person, neither matched nor created")
    void twoValidIdsConflict() {
        MatchDecision d = MatchingPolicy.decide(captured("张伟", Sex.MALE, DOB, PHONE, ID),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, NationalId.of("110101", DOB, 125))));

        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(d.reason()).isEqualTo("ID_CONFLICT");
    }

    @Test
    @DisplayName("Issue 9: a name with one character off and the same birth date and sex is proposed")
    void nameTypoIsProposed() {
        MatchDecision d = MatchingPolicy.decide(captured("张为", Sex.MALE, DOB, PHONE, null),
                List.of(his("Patient/1", "张伟", Sex.MALE, DOB, PHONE, ID)));

        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(((MatchDecision.Proposed) d).candidates().get(0).total()).isEqualTo(15 + 10 + 30 + 20);
    }
}
