package org.hospital.continuity.server.writeback.persistence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.his.WriteOutcome;
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

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PgWriteBackLedgerTest {

    @Inject
    PgWriteBackLedger ledger;

    @Test
    @DisplayName("Issue 9: a proposal keeps its visit waiting until a person decides; the decision is attributed; the write closes the item")
    void proposalDecisionAndWrite() {
        String incident = "inc-" + UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        PatientFacts captured = new PatientFacts(visit.toString(), "张为", Sex.MALE, LocalDate.of(1980, 5, 17), "13800138000", null);
        VisitDraft draft = new VisitDraft(visit, incident, "k1", "DT0100001", captured, "0301", null,
                Instant.parse("2026-11-21T02:00:00Z"), "acct-7", null, List.of());
        WorkbenchItem item = new WorkbenchItem(UUID.randomUUID(), incident, visit, "k1", "0301", WorkbenchReason.PATIENT_PROPOSAL,
                "NOT_CERTAIN", draft, List.of(Scoring.score(captured, new PatientFacts("Patient/7", "张伟", Sex.MALE,
                LocalDate.of(1980, 5, 17), "13800138000", null))), true, Instant.parse("2026-11-22T08:00:00Z"));

        assertThat(ledger.settled(visit)).isFalse();
        ledger.raise(item);
        assertThat(ledger.settled(visit)).isTrue();
        assertThat(ledger.progress(incident)).isEqualTo(new PgWriteBackLedger.Progress(0, 1, 0));

        ledger.decide(item.id(), visit, "ACCEPT_MATCH", "acct-entry-1", "same phone; name typo on the form", "Patient/7");
        assertThat(ledger.settled(visit)).isFalse();
        assertThat(ledger.decidedPatient(visit)).contains("Patient/7");

        ledger.written(incident, visit, "group-1", new WriteOutcome.Written(8, 0, "Patient/7", List.of("Encounter/1")), "WORKBENCH");
        assertThat(ledger.settled(visit)).isTrue();
        assertThat(ledger.patientOfGroup("group-1")).contains("Patient/7");
        assertThat(ledger.progress(incident)).isEqualTo(new PgWriteBackLedger.Progress(1, 0, 0));

        // replaying the write records nothing twice
        ledger.written(incident, visit, "group-1", new WriteOutcome.Written(0, 8, "Patient/7", List.of("Encounter/1")), "WORKBENCH");
        assertThat(ledger.progress(incident).written()).isEqualTo(1);
    }

    @Test
    @DisplayName("EP-8.4 a registration waiting for its group is released by write-back itself: the item closes with write-back's own action in words")
    void groupWaitReleased() {
        String incident = "inc-" + UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        PatientFacts captured = new PatientFacts(visit.toString(), "欧阳娜", Sex.FEMALE, LocalDate.of(1949, 12, 31), "13800138000", null);
        VisitDraft draft = new VisitDraft(visit, incident, "k2", "DT0100002", captured, "0301", null,
                Instant.parse("2026-11-21T03:00:00Z"), "acct-8", null, List.of());
        WorkbenchItem waiting = new WorkbenchItem(UUID.randomUUID(), incident, visit, "k2", "0301", WorkbenchReason.PATIENT_PROPOSAL,
                "GROUP_WAITING", draft, List.of(), true, Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(ledger.waitsOnlyForItsGroup(visit)).isFalse();
        ledger.raise(waiting);
        assertThat(ledger.settled(visit)).isTrue();
        assertThat(ledger.waitsOnlyForItsGroup(visit)).isTrue();

        ledger.releaseGroupWait(visit, "同一人较早的一次登记已回写");
        assertThat(ledger.settled(visit)).as("taken up again by the next step").isFalse();
        assertThat(ledger.waitsOnlyForItsGroup(visit)).isFalse();
        assertThat(ledger.waitingReason(visit)).isEmpty();

        // another open item (a person's question) keeps it waiting: the release only closes the group wait
        UUID other = UUID.randomUUID();
        ledger.raise(new WorkbenchItem(UUID.randomUUID(), incident, other, "k2", "0301", WorkbenchReason.PATIENT_PROPOSAL,
                "GROUP_WAITING", draft, List.of(), true, Instant.parse("2026-11-22T08:00:00Z")));
        ledger.raise(new WorkbenchItem(UUID.randomUUID(), incident, other, "k2", "0301", WorkbenchReason.UNMAPPED_CODE,
                "DRUG DRUG-X", draft, List.of(), true, Instant.parse("2026-11-22T08:00:01Z")));
        assertThat(ledger.waitsOnlyForItsGroup(other)).isFalse();
    }
}
