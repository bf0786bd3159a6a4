package org.hospital.continuity.sync.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Workbench items keep their candidates' scores as JSON; those stored before probabilistic matching still read. */
class MatchScoreJsonTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    @DisplayName("A score round-trips with its weights, frequencies and probability")
    void roundTrip() throws Exception {
        MatchScore s = Scoring.score(new PatientFacts("v", "王伟", Sex.MALE, LocalDate.of(1980, 1, 2), null, null),
                new PatientFacts("Patient/1", "王伟", Sex.MALE, LocalDate.of(1980, 1, 2), "13800000000", null)).withProbability(0.75);

        MatchScore back = JSON.readValue(JSON.writeValueAsString(s), MatchScore.class);

        assertThat(back).isEqualTo(s);
    }

    @Test
    @DisplayName("A score stored with points (before weights) reads: the points as weight, no probability")
    void oldScoreReads() throws Exception {
        String old = "{\"candidate\":{\"ref\":\"Patient/7\",\"name\":\"张伟\",\"sex\":\"MALE\",\"birthDate\":\"1980-01-02\","
                + "\"phone\":null,\"nationalId\":null},\"components\":[{\"field\":\"NAME\",\"outcome\":\"EXACT\",\"points\":40},"
                + "{\"field\":\"SEX\",\"outcome\":\"CONFLICT\",\"points\":-100}]}";

        MatchScore s = JSON.readValue(old, MatchScore.class);

        assertThat(s.probability()).isNull();
        assertThat(s.component(ScoreComponent.Field.NAME).weight()).isEqualTo(40);
        assertThat(s.component(ScoreComponent.Field.SEX).outcome()).isEqualTo(ScoreComponent.Outcome.CONFLICT);
    }
}
