package org.hospital.continuity.server.reconciliation.domain;

import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.matching.MatchScore;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Scoring;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbenchDecisionsTest {

    static final PatientFacts CAPTURED = new PatientFacts("v", "张为", Sex.MALE, LocalDate.of(1980, 5, 17), "13800138000", null);
    static final MatchScore CANDIDATE = Scoring.score(CAPTURED,
            new PatientFacts("Patient/7", "张伟", Sex.MALE, LocalDate.of(1980, 5, 17), "13800138000", null));

    static WorkbenchItem item(WorkbenchReason reason, boolean blocking) {
        VisitDraft d = new VisitDraft(UUID.randomUUID(), "inc", "k1", "DT1", CAPTURED, "0301", null, Instant.EPOCH, "acct", null, List.of());
        return new WorkbenchItem(UUID.randomUUID(), "inc", d.visitId(), "k1", "0301", reason, "NOT_CERTAIN", d,
                reason == WorkbenchReason.PATIENT_PROPOSAL ? List.of(CANDIDATE) : List.of(), blocking, Instant.EPOCH);
    }

    @Test
    @DisplayName("Issue 9: accepting a proposed candidate writes the visit under that patient")
    void acceptingAProposal() {
        WorkbenchDecisions.Decision d = WorkbenchDecisions.decide(item(WorkbenchReason.PATIENT_PROPOSAL, true),
                new WorkbenchAction.AcceptMatch("Patient/7", "acct-entry-1", "same phone, name typo on the form"));

        assertThat(d).isInstanceOf(WorkbenchDecisions.WriteUnder.class);
        assertThat(((WorkbenchDecisions.WriteUnder) d).hisPatientRef()).isEqualTo("Patient/7");
    }

    @Test
    @DisplayName("HR-8 an action without who or why is refused")
    void actionsNeedWhoAndWhy() {
        WorkbenchDecisions.Decision d = WorkbenchDecisions.decide(item(WorkbenchReason.PATIENT_PROPOSAL, true),
                new WorkbenchAction.CreateNew("acct-entry-1", " "));

        assertThat(d).isEqualTo(new WorkbenchDecisions.Rejected("HR-8", "every action says why"));
    }

    @Test
    @DisplayName("Issue 9: accepting a patient who is not among the candidates is refused; choosing another is the way")
    void acceptingAStrangerIsRefused() {
        WorkbenchItem i = item(WorkbenchReason.PATIENT_PROPOSAL, true);

        assertThat(WorkbenchDecisions.decide(i, new WorkbenchAction.AcceptMatch("Patient/99", "a", "w")))
                .isInstanceOf(WorkbenchDecisions.Rejected.class);
        assertThat(WorkbenchDecisions.decide(i, new WorkbenchAction.ChooseAnother("Patient/99", "a", "found by ID card")))
                .isInstanceOf(WorkbenchDecisions.WriteUnder.class);
    }

    @Test
    @DisplayName("HR-9 a correction of an amount is refused here; a correction of a name is a new attributed entry")
    void correctionsAreLimited() {
        WorkbenchItem i = item(WorkbenchReason.PATIENT_PROPOSAL, true);

        assertThat(WorkbenchDecisions.decide(i, new WorkbenchAction.Correct("amountFen", "100", "a", "w")))
                .extracting(x -> ((WorkbenchDecisions.Rejected) x).rule()).isEqualTo("HR-9");
        assertThat(WorkbenchDecisions.decide(i, new WorkbenchAction.Correct("name", "张伟", "a", "paper form reads 张伟")))
                .isInstanceOf(WorkbenchDecisions.Corrected.class);
    }

    @Test
    @DisplayName("EP-8.4 a price flag on a written visit can be marked traced; a blocking item cannot")
    void markingTraced() {
        assertThat(WorkbenchDecisions.decide(item(WorkbenchReason.PRICE_DIFFERS, false), new WorkbenchAction.MarkTraced("a", "price list changed on 11-20")))
                .isInstanceOf(WorkbenchDecisions.Closed.class);
        assertThat(WorkbenchDecisions.decide(item(WorkbenchReason.UNMAPPED_CODE, true), new WorkbenchAction.MarkTraced("a", "w")))
                .isInstanceOf(WorkbenchDecisions.Rejected.class);
    }
}
