package org.hospital.continuity.sync.matching;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DowntimeDuplicatesTest {

    static final LocalDate DOB = LocalDate.of(1990, 3, 4);
    static final String ID = NationalId.of("310104", DOB, 222);

    @Test
    @DisplayName("The same person registered at two kiosks in one outage is one group")
    void sameIdAtTwoKiosksIsOneGroup() {
        PatientFacts a = new PatientFacts("k1-7", "王芳", Sex.FEMALE, DOB, "13900001111", ID);
        PatientFacts b = new PatientFacts("k2-3", "王芳", Sex.FEMALE, DOB, null, ID);
        PatientFacts c = new PatientFacts("k3-9", "王芳", Sex.FEMALE, DOB, "13900001111", null);

        DowntimeDuplicates.Result r = DowntimeDuplicates.group(List.of(a, b, c));

        assertThat(r.groups()).hasSize(1);
        assertThat(r.groups().get(0)).containsExactlyInAnyOrder(a, b, c);
        assertThat(r.proposals()).isEmpty();
    }

    @Test
    @DisplayName("Twins registered in the same outage stay two people")
    void twinsStayApart() {
        PatientFacts a = new PatientFacts("k1-7", "王芳", Sex.FEMALE, DOB, "13900001111", null);
        PatientFacts b = new PatientFacts("k2-3", "王芬", Sex.FEMALE, DOB, "13900001111", null);

        DowntimeDuplicates.Result r = DowntimeDuplicates.group(List.of(a, b));

        assertThat(r.groups()).hasSize(2);
        // one character off, same birth date, sex and phone: a person looks at it
        assertThat(r.proposals()).hasSize(1);
    }

    @Test
    @DisplayName("A group never decides: a member matched elsewhere disagrees; a second 'new patient' waits while the first is with a person")
    void groupChecks() {
        PatientFacts a = new PatientFacts("k1-7", "王芳", Sex.FEMALE, DOB, "13900001111", ID);
        MatchDecision matchedA = new MatchDecision.Matched(Scoring.score(a, new PatientFacts("Patient/1", "王芳", Sex.FEMALE, DOB,
                "13900001111", ID)), "ID_EXACT", 0);
        MatchDecision fresh = new MatchDecision.CreateNew(List.of(), "NO_CANDIDATE", 1);

        assertThat(DowntimeDuplicates.groupCheck(matchedA, null, false)).isNull();
        assertThat(DowntimeDuplicates.groupCheck(matchedA, "Patient/1", false)).isNull();
        assertThat(DowntimeDuplicates.groupCheck(matchedA, "Patient/2", false)).isEqualTo("GROUP_DISAGREES");
        assertThat(DowntimeDuplicates.groupCheck(fresh, "Patient/2", false)).isEqualTo("GROUP_DISAGREES");
        assertThat(DowntimeDuplicates.groupCheck(fresh, null, true)).isEqualTo("GROUP_WAITING");
        assertThat(DowntimeDuplicates.groupCheck(fresh, null, false)).isNull();
    }
}
