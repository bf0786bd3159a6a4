package org.hospital.continuity.server.reconciliation.api;

import org.hospital.continuity.sync.matching.MatchScore;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.ScoreComponent;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the workbench receives to show a score's parts in words (the page renders 姓名一致(常见名，HIS 中 230 人) +6.4). */
class CandidateViewTest {

    @Test
    @DisplayName("EP-8.4 each part of a candidate's score carries its weight in bits, whether the value is common or rare, and how many hold it")
    void partsCarryWeightAndFrequency() {
        PatientFacts c = new PatientFacts("Patient/7", "王伟", Sex.MALE, LocalDate.of(1971, 11, 2), "13655554444", null);
        MatchScore s = new MatchScore(c, List.of(
                new ScoreComponent(ScoreComponent.Field.NAME, ScoreComponent.Outcome.EXACT, 6.44, -7.8, 230),
                new ScoreComponent(ScoreComponent.Field.BIRTH_DATE, ScoreComponent.Outcome.EXACT, 14.16, 2.5, 1),
                new ScoreComponent(ScoreComponent.Field.PHONE, ScoreComponent.Outcome.DIFFERENT, -2.94),
                new ScoreComponent(ScoreComponent.Field.NATIONAL_ID, ScoreComponent.Outcome.MISSING, 0)), 0.9921);

        WorkbenchResource.CandidateView v = WorkbenchResource.CandidateView.of(s);

        assertThat(v.score()).isEqualTo(17.7);
        assertThat(v.probability()).isEqualTo(0.9921);
        assertThat(v.components()).containsExactly(
                new WorkbenchResource.ComponentView("NAME", "EXACT", 6.4, true, false, 230),
                new WorkbenchResource.ComponentView("BIRTH_DATE", "EXACT", 14.2, false, true, 1),
                new WorkbenchResource.ComponentView("PHONE", "DIFFERENT", -2.9, false, false, -1),
                new WorkbenchResource.ComponentView("NATIONAL_ID", "MISSING", 0.0, false, false, -1));
    }
}
