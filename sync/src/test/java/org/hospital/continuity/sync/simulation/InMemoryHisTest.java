package org.hospital.continuity.sync.simulation;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference answers of the candidate-query contract (what the FHIR and HL7 v2 links must answer too). */
class InMemoryHisTest {

    static InMemoryHis his() {
        List<PatientFacts> p = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            p.add(new PatientFacts("Patient/" + i, "李娜", Sex.FEMALE, LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28),
                    "13900000000", null));
        }
        p.add(new PatientFacts("Patient/x", "汪丽", Sex.FEMALE, LocalDate.of(1990, 1, 1), "13811112222", null));
        return new InMemoryHis(p);
    }

    @Test
    @DisplayName("Blocks within their limits return every holder and the exact count")
    void withinLimits() {
        Candidates c = his().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("李娜", 500, 1960, Sex.FEMALE, Set.of())), 1_000));

        assertThat(c.complete()).isTrue();
        assertThat(c.patients()).hasSize(120);
        assertThat(c.blocks().get(0).holders()).isEqualTo(120);
        assertThat(c.blocks().get(0).narrowed()).isFalse();
    }

    @Test
    @DisplayName("A name over its limit is narrowed to the birth year and the near dates, never cut at the first N; the count stays exact")
    void nameNarrowed() {
        Candidates c = his().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("李娜", 50, 1960, Sex.FEMALE,
                Set.of(LocalDate.of(1951, 2, 2)))), 1_000));

        assertThat(c.complete()).isTrue();
        assertThat(c.blocks().get(0).narrowed()).isTrue();
        assertThat(c.blocks().get(0).holders()).isEqualTo(120);
        assertThat(c.patients()).isNotEmpty()
                .allMatch(p -> p.birthDate().getYear() == 1960 || p.birthDate().equals(LocalDate.of(1951, 2, 2)));
    }

    @Test
    @DisplayName("A name over its limit without a birth year cannot be narrowed: incomplete")
    void nameWithoutYearIsIncomplete() {
        Candidates c = his().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("李娜", 50, null, Sex.FEMALE, Set.of())), 1_000));

        assertThat(c.complete()).isFalse();
    }

    @Test
    @DisplayName("A phone held by more than its limit is a shared number: counted, not read")
    void sharedPhone() {
        Candidates c = his().candidates(new CandidateQuery(List.of(new CandidateQuery.ByPhone("13900000000", 30)), 1_000));

        assertThat(c.patients()).isEmpty();
        assertThat(c.blocks().get(0).holders()).isEqualTo(120);
        assertThat(c.blocks().get(0).narrowed()).isTrue();
        assertThat(c.complete()).isTrue();
    }

    @Test
    @DisplayName("A birth date over its limit is narrowed to the surnames that sound alike")
    void birthDateNarrowedBySound() {
        Candidates c = his().candidates(new CandidateQuery(List.of(new CandidateQuery.ByBirthDate(LocalDate.of(1990, 1, 1), 0,
                Set.of("王", "汪"))), 1_000));

        assertThat(c.patients()).extracting(PatientFacts::ref).containsExactly("Patient/x");
    }

    @Test
    @DisplayName("More distinct candidates than the query allows: incomplete")
    void tooMany() {
        Candidates c = his().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("李娜", 500, 1960, Sex.FEMALE, Set.of())), 100));

        assertThat(c.complete()).isFalse();
        assertThat(c.incompleteReason()).contains("120");
    }
}
