package org.hospital.continuity.server.reconciliation.domain;

import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.writeback.Workbench;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HR-9: who may decide a correction a clerk asked for on the workbench (plain Java, no container). */
class CorrectionApprovalsTest {

    private static Workbench.CorrectionRequest request(Workbench.CorrectionStatus status) {
        return new Workbench.CorrectionRequest(UUID.randomUUID(), UUID.randomUUID(), "inc-1", UUID.randomUUID(), "name", "张伟",
                "纸质表为张伟", new Workbench.Person("acct-clerk", "录入员甲", "person-clerk", "DATA-ENTRY"),
                Instant.parse("2026-12-07T02:00:00Z"), status, null, null, null, null, null);
    }

    private static String slug(Workbench.CorrectionRequest r, CorrectionApprovals.Decider d) {
        return CorrectionApprovals.check(r, d).map(CorrectionApprovals.Refusal::slug).orElse("may decide");
    }

    @Test
    @DisplayName("HR-9 the head of the clerk's department, a second person, may decide a pending correction")
    void theClerksDepartmentHeadMayDecide() {
        assertThat(slug(request(Workbench.CorrectionStatus.PENDING),
                new CorrectionApprovals.Decider("acct-head", "person-head", "DATA-ENTRY", true))).isEqualTo("may decide");
    }

    @Test
    @DisplayName("HR-9 never the clerk: not under the same account, nor under another account of the same person, even holding the role")
    void neverTheClerkThemself() {
        var r = request(Workbench.CorrectionStatus.PENDING);
        assertThat(slug(r, new CorrectionApprovals.Decider("acct-clerk", "person-clerk", "DATA-ENTRY", true))).isEqualTo("approval-self");
        assertThat(slug(r, new CorrectionApprovals.Decider("acct-clerk-2", "person-clerk", "DATA-ENTRY", true))).isEqualTo("approval-self");
        assertThat(CorrectionApprovals.check(r, new CorrectionApprovals.Decider("acct-clerk", "person-clerk", "DATA-ENTRY", true))
                .orElseThrow().status()).isEqualTo(403);
    }

    @Test
    @DisplayName("HR-9 only a department head, and only of the clerk's own department")
    void onlyTheApprovingRoleOfTheOwnDepartment() {
        var r = request(Workbench.CorrectionStatus.PENDING);
        assertThat(slug(r, new CorrectionApprovals.Decider("acct-other", "person-other", "DATA-ENTRY", false))).isEqualTo("approval-role");
        assertThat(slug(r, new CorrectionApprovals.Decider("acct-head-7", "person-head-7", "WARD-7", true)))
                .isEqualTo("approval-other-department");
    }

    @Test
    @DisplayName("HR-9 a decided correction is decided once (409)")
    void decidedOnce() {
        for (var status : new Workbench.CorrectionStatus[] {Workbench.CorrectionStatus.APPROVED, Workbench.CorrectionStatus.REFUSED}) {
            var refusal = CorrectionApprovals.check(request(status),
                    new CorrectionApprovals.Decider("acct-head", "person-head", "DATA-ENTRY", true)).orElseThrow();
            assertThat(refusal.slug()).isEqualTo("correction-decided");
            assertThat(refusal.status()).isEqualTo(409);
        }
    }
}
