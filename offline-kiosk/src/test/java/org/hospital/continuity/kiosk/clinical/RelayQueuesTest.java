package org.hospital.continuity.kiosk.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.clinical.app.RelayQueues;
import org.hospital.continuity.kiosk.relay.RelayInbox;
import org.hospital.continuity.sync.contract.RelayFeed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HIS down, LAN up: the relay screen's rows per role (HR-5), with what happened to each record since. */
class RelayQueuesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    static RelayFeed.Entry entry(UUID record, int version, String event, String payload, int minute) throws Exception {
        return new RelayFeed.Entry(UUID.randomUUID(), record, "x", version, event, JSON.readTree(payload), "k-other", "SK", "肾内科",
                "acct", T.plusSeconds(60L * minute), T.plusSeconds(60L * minute + 1));
    }

    @Test
    @DisplayName("HR-5 EP-6.7 EP-6.6 the nurse sees what came back (dispenses, exams done), the med-tech exam requests, never the other's share; a voided record says so, a corrected one shows as its correction")
    void rowsPerRole() throws Exception {
        RelayInbox inbox = new RelayInbox();
        RelayQueues queues = new RelayQueues(inbox, null, null, java.time.InstantSource.system(), java.time.ZoneId.of("Asia/Shanghai"));
        UUID req = UUID.randomUUID();
        UUID exam = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID voidedOrder = UUID.randomUUID();
        UUID dispense = UUID.randomUUID();
        String patient = "{\"name\":\"赵演示\",\"bed\":\"12\"}";
        inbox.add(List.of(
                entry(req, 1, "RequisitionIssued", "{\"patient\":" + patient + ",\"lines\":[{\"code\":\"D0010\",\"name\":\"孟鲁司特钠片\",\"quantity\":2}]}", 1),
                entry(order, 1, "OrderWritten", "{\"patient\":" + patient + ",\"kind\":\"EXAM\",\"content\":\"腹部B超\"}", 2),
                entry(voidedOrder, 1, "OrderWritten", "{\"patient\":" + patient + ",\"kind\":\"LAB\",\"content\":\"血常规\"}", 3),
                entry(voidedOrder, 2, "ClinicalFormVoided", "{\"voids\":\"" + voidedOrder + "\",\"reason\":\"开错\"}", 4),
                entry(dispense, 1, "Dispensed", "{\"fills\":\"" + req + "\",\"patient\":" + patient
                        + ",\"lines\":[{\"code\":\"D0010\",\"name\":\"孟鲁司特钠片\",\"quantity\":2}]}", 5),
                entry(exam, 1, "ExamsRegistered", "{\"patient\":" + patient + ",\"exams\":[{\"description\":\"腹部B超\",\"priceFen\":12000}]}", 6)));

        RelayQueues.Queue nurse = queues.queue(List.of("NURSE"), -1, 0);
        assertThat(nurse.rows()).extracting(RelayQueues.Row::kind).containsExactly("exam-done", "dispensed");
        assertThat(nurse.rows().get(1).summary()).isEqualTo("孟鲁司特钠片×2");
        assertThat(nurse.rows().get(1).fills()).isEqualTo(req);
        assertThat(nurse.rows().get(1).from()).isEqualTo("肾内科");

        RelayQueues.Queue medtech = queues.queue(List.of("MEDTECH"), -1, 0);
        assertThat(medtech.rows()).extracting(RelayQueues.Row::recordId).containsExactly(voidedOrder, order);
        assertThat(medtech.rows()).extracting(RelayQueues.Row::status).containsExactly("VOIDED", "TO_REGISTER");
        assertThat(medtech.rows().get(1).summary()).isEqualTo("腹部B超");

        assertThat(queues.queue(List.of("CASHIER"), -1, 0).rows()).as("not a clinical role's share").isEmpty();
        assertThat(queues.queue(List.of("DOCTOR"), -1, 0).rows()).extracting(RelayQueues.Row::kind)
                .containsExactly("exam-done", "dispensed");
    }

    @Test
    @DisplayName("the inbox keeps an entry once, wakes a waiting screen when something arrives, and says whether the server answered")
    void inbox() throws Exception {
        RelayInbox inbox = new RelayInbox();
        assertThat(inbox.reachable()).isEmpty();
        long v = inbox.version();
        RelayFeed.Entry e = entry(UUID.randomUUID(), 1, "RequisitionIssued", "{\"lines\":[]}", 1);
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException x) {
                return;
            }
            inbox.add(List.of(e));
        });
        later.start();
        long started = System.nanoTime();
        assertThat(inbox.awaitAfter(v, 5_000)).isGreaterThan(v);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        inbox.add(List.of(e));
        assertThat(inbox.entries()).hasSize(1);
        inbox.failure(T);
        assertThat(inbox.reachable()).contains(false);
        inbox.contact(T);
        assertThat(inbox.reachable()).contains(true);
    }

    @Test
    @DisplayName("EP-6.2 EP-6.4 the doctor's queue holds the outpatients the HIS registered with the department today (the hospital's day), with 门诊号 and doctor; not yesterday's, not an inpatient")
    void registeredInTheHisToday() {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        // 00:30 in Shanghai on 12-07 is 16:30 UTC on 12-06: the hospital's day decides, not the machine's
        java.time.Instant now = java.time.Instant.parse("2026-12-06T16:30:00Z");
        org.hospital.continuity.kiosk.reference.ReferenceSnapshot.Visit today = new org.hospital.continuity.kiosk.reference.ReferenceSnapshot.Visit(
                java.time.Instant.parse("2026-12-06T16:05:00Z"), "SK", "HF-D01", "冯主任", "MZ-0001");
        org.hospital.continuity.kiosk.reference.ReferenceSnapshot.Visit yesterday = new org.hospital.continuity.kiosk.reference.ReferenceSnapshot.Visit(
                java.time.Instant.parse("2026-12-06T15:55:00Z"), "SK", "HF-D01", "冯主任", "MZ-0002");
        List<org.hospital.continuity.kiosk.reference.KnownPatient> known = List.of(
                known("P1", false, "MZ-0001", "钱门诊", today), known("P2", false, "MZ-0002", "李昨天", yesterday),
                known("P3", true, null, "周病房", today), known("P4", false, null, "赵无号", null));
        List<RelayQueues.Row> rows = RelayQueues.registeredInTheHis(known, code -> "SK".equals(code) ? "肾内科" : null, now, zone);
        assertThat(rows).extracting(RelayQueues.Row::patientName).containsExactly("钱门诊");
        RelayQueues.Row row = rows.get(0);
        assertThat(row.kind()).isEqualTo("his-registration");
        assertThat(row.status()).isEqualTo("WAITING");
        assertThat(row.patientNumber()).isEqualTo("MZ-0001");
        assertThat(row.from()).isEqualTo("肾内科");
        assertThat(row.summary()).isEqualTo("冯主任");
        assertThat(row.recordedAt()).isEqualTo(today.registeredAt());
        // the same registration keeps its row id (the person's place in the list stays as the list follows)
        assertThat(RelayQueues.registeredInTheHis(known, c -> null, now, zone).get(0).recordId()).isEqualTo(row.recordId());
    }

    private static org.hospital.continuity.kiosk.reference.KnownPatient known(String id, boolean census, String number, String name,
                                                                            org.hospital.continuity.kiosk.reference.ReferenceSnapshot.Visit visit) {
        return new org.hospital.continuity.kiosk.reference.KnownPatient(id, census, census ? "ZY-" + id : null, number, name, "M", null, null,
                null, null, null, null, null, 0, List.of(), null, visit);
    }
}
