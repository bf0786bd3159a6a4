package org.hospital.continuity.server.reconciliation.domain;

import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ParcelsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static WorkbenchItem item(String dept, String kiosk, WorkbenchReason reason, boolean blocking) {
        VisitDraft d = new VisitDraft(UUID.randomUUID(), "inc", kiosk, "DT", new PatientFacts("v", "王芳", null, null, null, null),
                dept, null, Instant.EPOCH, "acct", null, List.of());
        return new WorkbenchItem(UUID.randomUUID(), "inc", d.visitId(), kiosk, dept, reason, "", d, List.of(), blocking, Instant.EPOCH);
    }

    @Test
    @DisplayName("EP-8.5 the queue splits into parcels per department or per kiosk, each assignable to one owner")
    void splitsPerArea() {
        List<WorkbenchItem> q = List.of(item("0301", "k1", WorkbenchReason.PATIENT_PROPOSAL, true),
                item("0401", "k1", WorkbenchReason.UNMAPPED_CODE, true), item("0301", "k2", WorkbenchReason.PRICE_DIFFERS, false));

        List<Parcels.Parcel> byDept = Parcels.split(q, Parcels.SplitBy.DEPARTMENT);
        List<Parcels.Parcel> byKiosk = Parcels.split(q, Parcels.SplitBy.KIOSK);

        assertThat(byDept).extracting(Parcels.Parcel::area).containsExactly("0301", "0401");
        assertThat(byDept.get(0).items()).hasSize(2);
        assertThat(byKiosk).extracting(p -> p.items().size()).containsExactly(2, 1);
        assertThat(byDept.get(0).assignedTo("acct-entry-3").owner()).isEqualTo("acct-entry-3");
    }

    @Test
    @DisplayName("EP-8.4 important data is due the same day the HIS is back, everything by the end of the next day")
    void progressAgainstDeadlines() {
        WorkbenchItem proposal = item("0301", "k1", WorkbenchReason.PATIENT_PROPOSAL, true);
        WorkbenchItem flag = item("0301", "k1", WorkbenchReason.PRICE_DIFFERS, false);
        Parcels.Parcel p = new Parcels.Parcel("0301", "acct-entry-3", List.of(proposal, flag));
        Instant recovered = Instant.parse("2026-11-21T06:00:00Z"); // 14:00 in Shanghai

        Parcels.Progress evening = Parcels.progress(p, Set.of(), recovered, Instant.parse("2026-11-21T15:00:00Z"), SHANGHAI);
        Parcels.Progress nextMorning = Parcels.progress(p, Set.of(proposal.id()), recovered,
                Instant.parse("2026-11-22T01:00:00Z"), SHANGHAI);

        assertThat(evening.importantDue()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
        assertThat(evening.allDue()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(evening.importantLate()).isFalse();
        assertThat(nextMorning.important()).isEqualTo(1);
        assertThat(nextMorning.importantDone()).isEqualTo(1);
        assertThat(nextMorning.importantLate()).isFalse();
        assertThat(Parcels.progress(p, Set.of(), recovered, Instant.parse("2026-11-22T01:00:00Z"), SHANGHAI).importantLate()).isTrue();
        assertThat(nextMorning.allLate()).isFalse();
    }
}
