package org.hospital.continuity.playbooks.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hospital.continuity.playbooks.classify.ClassificationRule;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Fault vocabulary: classes, causes and clause ids (EP-4)")
class FaultVocabularyTest {

    @ParameterizedTest(name = "{0} {1} is {2}, handled per {3}")
    @CsvSource({
            "EP-4.1, CLASS_I,   一类故障, EP-4.5",
            "EP-4.2, CLASS_II,  二类故障, EP-4.6",
            "EP-4.3, CLASS_III, 三类故障, EP-4.7",
            "EP-4.4, INSURANCE, 医保故障, EP-4.8"})
    @DisplayName("EP-4 each class cites its line and its handler's clause; the server's accessors are kept")
    void classesCiteTheirClauses(String clause, FaultClass c, String zh, String handlerClause) {
        assertThat(c.clause()).isEqualTo(clause);
        assertThat(c.zh()).isEqualTo(zh);
        assertThat(c.en()).isNotBlank();
        assertThat(c.handlerClause()).isEqualTo(handlerClause);
        assertThat(c.handler()).contains(handlerClause);
    }

    @Test
    @DisplayName("EP-4 severity: Class I > insurance fault > Class II > Class III")
    void severityOrder() {
        assertThat(Arrays.stream(FaultClass.values()).sorted(FaultClass.BY_SEVERITY.reversed()))
                .containsExactly(FaultClass.CLASS_I, FaultClass.INSURANCE, FaultClass.CLASS_II, FaultClass.CLASS_III);
        assertThat(FaultClass.mostSevere(FaultClass.CLASS_III, FaultClass.INSURANCE)).isEqualTo(FaultClass.INSURANCE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "SERVER_DOWN, CLASS_I", "NETWORK_PARALYSED, CLASS_I", "FIBRE_DAMAGED, CLASS_I", "SERVER_DATA_LOST, CLASS_I",
            "BACKUP_DISK_BROKEN, CLASS_I", "SERVER_UNSTABLE, CLASS_I", "PARTIAL_NETWORK_DOWN, CLASS_I",
            "PRICE_CATALOGUE_ALTERED, CLASS_I", "KEY_TERMINAL_DOWN, CLASS_I", "RECURRING_FAILURE, CLASS_I",
            "TERMINAL_FAULT, CLASS_II", "SINGLE_PATIENT_DATA_LOST, CLASS_II", "OCCASIONAL_PROCESSING_ERROR, CLASS_II",
            "WORKFLOW_BREACH, CLASS_II", "OPERATOR_ERROR, CLASS_III", "INSURANCE_LINE_DOWN, INSURANCE", "INSURER_SIDE_FAULT, INSURANCE"})
    @DisplayName("EP-4 every cause the table names belongs to its class and cites that class's line")
    void causesBelongToTheirClass(Cause cause, FaultClass expected) {
        assertThat(cause.faultClass()).isEqualTo(expected);
        assertThat(cause.clause()).isEqualTo(expected.clause());
    }

    @Test
    @DisplayName("every clause the code cites exists in the plan, and a typo does not")
    void citedClausesExist() {
        Arrays.stream(FaultClass.values()).forEach(c -> assertThat(Clauses.isKnown(c.handlerClause())).isTrue());
        Arrays.stream(Cause.values()).forEach(c -> assertThat(Clauses.isKnown(c.clause())).as(c.name()).isTrue());
        Arrays.stream(LadderStep.values()).forEach(s -> assertThat(Clauses.isKnown(s.clause())).as(s.name()).isTrue());
        Arrays.stream(ClassificationRule.values()).forEach(r -> assertThat(Clauses.isKnown(r.clause())).as(r.name()).isTrue());
        assertThat(Clauses.isKnown("EP-6.2.3")).isTrue();
        assertThat(Clauses.isKnown("HR-19")).isTrue();
        assertThat(Clauses.isKnown("EP-6.2.9")).isFalse();
        assertThat(Clauses.isKnown("HR-23")).isFalse();
        assertThat(Clauses.all()).allMatch(id -> Clauses.FORMAT.matcher(id).matches());
    }
}
