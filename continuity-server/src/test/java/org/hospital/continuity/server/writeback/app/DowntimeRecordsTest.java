package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads as the kiosk (issue 5) journals them: PatientRegistered, ChargeRecorded, InvoiceVoided. */
class DowntimeRecordsTest {

    static final Instant T = Instant.parse("2026-11-21T02:00:00Z");

    static JournalEntry entry(String kiosk, long seq, String stream, UUID id, int version, String event, String json) {
        return JournalEntry.seal(UUID.randomUUID(), kiosk, seq, stream, id, version, event, 1, json, T.plusSeconds(seq), seq,
                "acct-7");
    }

    @Test
    @DisplayName("Issue 9: a registration and its charges become one visit draft; a voided charge adds nothing; a charge without its registration is set apart")
    void registrationsAndChargesBecomeVisits() {
        UUID reg = UUID.randomUUID();
        UUID charge = UUID.randomUUID();
        UUID voidedCharge = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        List<JournalEntry> entries = List.of(
                entry("k1", 1, "registration", reg, 1, "PatientRegistered",
                        "{\"patientNumber\":\"DT0100001\",\"name\":\"王芳\",\"sex\":\"F\",\"birthDate\":\"1990-03-04\","
                                + "\"idNumber\":null,\"phone\":\"13900001111\",\"departmentCode\":\"0301\",\"doctorCode\":\"D1\","
                                + "\"feeItemCode\":\"REG-01\",\"feeItemName\":\"普通门诊挂号\",\"feeFen\":1000}"),
                entry("k1", 2, "charge", charge, 1, "ChargeRecorded",
                        "{\"registrationId\":\"" + reg + "\",\"lines\":[{\"code\":\"DRUG-AMOX\",\"kind\":\"DRUG\",\"name\":\"阿莫西林胶囊\","
                                + "\"unitPriceFen\":1850,\"quantity\":2,\"amountFen\":3700},{\"code\":\"LAB-CBC\",\"kind\":\"ITEM\","
                                + "\"name\":\"血常规\",\"unitPriceFen\":2500,\"quantity\":1,\"amountFen\":2500}],\"totalFen\":6200}"),
                entry("k1", 3, "charge", voidedCharge, 1, "ChargeRecorded",
                        "{\"registrationId\":\"" + reg + "\",\"lines\":[{\"code\":\"RAD-CXR\",\"kind\":\"ITEM\",\"unitPriceFen\":8000,\"quantity\":1}]}"),
                entry("k1", 4, "charge", voidedCharge, 2, "InvoiceVoided", "{\"invoiceNo\":\"A001\",\"reason\":\"重复收费\"}"),
                entry("k2", 1, "charge", orphan, 1, "ChargeRecorded",
                        "{\"registrationId\":\"" + UUID.randomUUID() + "\",\"lines\":[]}"));

        DowntimeRecords.Assembled a = DowntimeRecords.assemble("inc-1", entries);

        assertThat(a.drafts()).hasSize(1);
        VisitDraft v = a.drafts().get(0);
        assertThat(v.visitId()).isEqualTo(reg);
        assertThat(v.downtimeNumber()).isEqualTo("DT0100001");
        assertThat(v.patient().sex()).isEqualTo(Sex.FEMALE);
        assertThat(v.patient().birthDate()).isEqualTo(LocalDate.of(1990, 3, 4));
        assertThat(v.lines()).extracting(VisitDraft.Line::code).containsExactly("REG-01", "DRUG-AMOX", "LAB-CBC");
        assertThat(v.lines().get(1).dispensed()).isTrue();
        assertThat(a.orphanCharges()).extracting(JournalEntry::streamId).containsExactly(orphan);
    }
}
