package org.hospital.continuity.server.writeback.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.writeback.integration.Er7;
import org.hospital.continuity.server.writeback.integration.Hl7v2HisPort;
import org.hospital.continuity.server.writeback.integration.Hl7v2Messages;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.HisRecord;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The HL7 v2 link against a small HIS speaking HL7 v2.5.1 over MLLP ({@link MllpTestHis}, HAPI's MLLP server started
 * in-process on a free port): the write-back suite, and what only v2 has — acknowledgements AE/AR read into the workbench's
 * words, a HIS that is down or answers "internal error", deterministic control ids, paged and capped candidate lists.
 */
class Hl7v2LinkTest extends HisLinkSuite {

    static MllpTestHis mllp;
    static Hl7v2HisPort his;

    @BeforeAll
    static void start() {
        mllp = new MllpTestHis();
        his = new Hl7v2HisPort("127.0.0.1", mllp.port(), "HIS", "HOSPITAL", ZoneId.of("Asia/Shanghai"), InstantSource.system(),
                Duration.ofSeconds(5), 2);
    }

    @AfterAll
    static void stop() {
        his.close();
        mllp.close();
    }

    @Override
    protected HisPort link() {
        return his;
    }

    @Override
    protected void emptyHis() {
        mllp.reset();
        his.forgetCount();
    }

    @Override
    protected HisRecord.Subject seedInpatient(String hisPatientId, String inpatientNumber) {
        String mr = mllp.seed("欧阳", "娜娜", "F", LocalDate.of(1960, 4, 1), null, null, inpatientNumber);
        ids.put(Hl7v2Messages.patientRef(mr), mr);
        return new HisRecord.Subject(Hl7v2Messages.patientRef(mr), Hl7v2Messages.encounterRef(inpatientNumber, Hl7v2Messages.HIS_AUTHORITY));
    }

    final java.util.Map<String, String> ids = new java.util.HashMap<>();

    @Override
    protected HisRecord.Subject seedOutpatient() {
        String visit = UUID.randomUUID().toString();
        String mr = mllp.seed("司马", "光", "M", LocalDate.of(1950, 1, 1), null, null, visit);
        return new HisRecord.Subject(Hl7v2Messages.patientRef(mr), Hl7v2Messages.encounterRef(visit, Hl7v2Messages.VISIT_AUTHORITY));
    }

    @Override
    protected String seedPatient(String family, String given, Sex sex, LocalDate birth, String phone, String nationalId) {
        return Hl7v2Messages.patientRef(mllp.seed(family, given, sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : "U", birth, phone,
                nationalId));
    }

    @Override
    protected String patientIdOf(HisRecord.Subject subject) {
        return ids.get(subject.patientRef());
    }

    /** The business id the HIS files a record's first message under. */
    static String firstOf(HisRecord r) {
        if (r instanceof HisRecord.MedicationOrder m) {
            return m.lines().get(0).lineId().toString();
        }
        if (r instanceof HisRecord.ExamsDone e) {
            return e.exams().get(0).lineId().toString();
        }
        if (r instanceof HisRecord.Dispense d) {
            return d.lines().get(0).line().lineId().toString();
        }
        if (r instanceof HisRecord.Charges c) {
            return c.lines().get(0).lineId().toString();
        }
        // order, settlement, IOU exchange, allergy: the record's own id (ORC-2, FT1-2, IAM-7)
        return r.recordId().toString();
    }

    @Override
    protected boolean holds(HisRecord record) {
        return mllp.holds(firstOf(record));
    }

    @Override
    protected String status(HisRecord record) {
        return mllp.status(firstOf(record));
    }

    @Override
    protected long count() {
        return mllp.count();
    }

    // ---- what only the v2 link has ------------------------------------------------------------------------

    static DowntimeVisit visit(String hisPatientRef) {
        PatientFacts p = new PatientFacts("dt-1", "诸葛亮", Sex.MALE, LocalDate.of(1981, 7, 23), "13600136000", null);
        return new DowntimeVisit(UUID.randomUUID(), "DT-K1-0042", p, hisPatientRef, "0301", "D042", Instant.parse("2026-11-21T02:10:00Z"),
                "kiosk-1", "acct-cashier-3", "incident-42", "PF-000124",
                List.of(new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.DRUG, "DRUG-AMOX", "阿莫西林胶囊", 2, 1850, false, "盒")));
    }

    @Test
    @DisplayName("an AE acknowledgement is a refusal for the workbench, its ERR segment in Chinese words; nothing is stored")
    void anAeIsARefusalInWords() {
        mllp.answerNext("AE", "103", "PV1", 3, "科室代码不存在");
        WriteOutcome out = his.write(visit(null));
        assertThat(out).isInstanceOf(WriteOutcome.Refused.class);
        String words = ((WriteOutcome.Refused) out).detail();
        assertThat(words).isEqualTo("HIS 拒收此记录：代码在 HIS 字典中不存在（位置：就诊信息第 3 项）；HIS 说明：科室代码不存在");
        assertThat(mllp.stored()).isEmpty();
    }

    @Test
    @DisplayName("an AR acknowledgement rejects the whole message, in words; the visit is written whole when sent again")
    void anArIsARejectionAndAResendWritesTheVisit() {
        DowntimeVisit v = visit(null);
        mllp.answerNext("AR", "200", "MSH", 9, null);
        WriteOutcome out = his.write(v);
        assertThat(out).isInstanceOf(WriteOutcome.Refused.class);
        assertThat(((WriteOutcome.Refused) out).detail()).startsWith("HIS 拒收整条消息：HIS 不支持此类消息（位置：消息头第 9 项）");

        WriteOutcome again = his.write(v);
        assertThat(again).isInstanceOf(WriteOutcome.Written.class);
        assertThat(((WriteOutcome.Written) again).created()).isEqualTo(3); // ADT^A04, RDE^O11, DFT^P03
    }

    @Test
    @DisplayName("a HIS answering 'internal error' or not listening is unavailable (retried, then the run pauses), never a refusal")
    void anInternalErrorOrNoListenerIsUnavailable() {
        mllp.answerNext("AE", "207", "MSH", 10, "数据库忙");
        assertThat(his.write(visit(null))).isInstanceOf(WriteOutcome.Unavailable.class);

        Hl7v2HisPort nowhere = new Hl7v2HisPort("127.0.0.1", freePort(), "HIS", "HOSPITAL", ZoneId.of("Asia/Shanghai"), InstantSource.system(),
                Duration.ofSeconds(1), 1);
        assertThat(nowhere.write(visit(null))).isInstanceOf(WriteOutcome.Unavailable.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nowhere.candidates(new CandidateQuery(
                List.of(new CandidateQuery.ByPhone("13600136000", 30)), 5000))).isInstanceOf(RuntimeException.class);
        nowhere.close();
    }

    @Test
    @DisplayName("control ids (MSH-10) derive from the record: the same record gives the same ids, at most 20 characters, Chinese kept whole")
    void controlIdsAreDerivedFromTheRecord() {
        DowntimeVisit v = visit(null);
        List<Hl7v2Messages.Outgoing> first = his.messagesOf(v);
        List<Hl7v2Messages.Outgoing> second = his.messagesOf(v);
        assertThat(first).extracting(Hl7v2Messages.Outgoing::controlId).isEqualTo(second.stream().map(Hl7v2Messages.Outgoing::controlId).toList());
        assertThat(first).extracting(Hl7v2Messages.Outgoing::type).containsExactly("ADT^A04", "RDE^O11", "DFT^P03");
        assertThat(first).allSatisfy(m -> assertThat(m.controlId()).hasSizeLessThanOrEqualTo(20));
        assertThat(first.stream().map(Hl7v2Messages.Outgoing::controlId).distinct()).hasSize(3);
        assertThat(his.messagesOf(visit(null)).get(0).controlId()).isNotEqualTo(first.get(0).controlId());

        his.write(v);
        String adt = mllp.stored().get(0);
        Er7.Read read = Er7.Read.of(adt);
        assertThat(read.value("MSH", 10, 1)).isEqualTo(first.get(0).controlId());
        assertThat(read.value("PID", 5, 1)).isEqualTo("诸葛");
        assertThat(read.value("PID", 5, 2)).isEqualTo("亮");
        assertThat(read.value("PV1", 19, 1)).isEqualTo(v.visitId().toString());
        assertThat(mllp.patients()).filteredOn(p -> p.family().equals("诸葛")).singleElement()
                .satisfies(p -> assertThat(p.given()).isEqualTo("亮"));
    }

    @Test
    @DisplayName("every page is read (RSP^K22 continuation); a HIS that caps its list, or gives no counts, is handled by the contract")
    void pagesCapsAndMissingCounts() {
        for (int i = 0; i < 450; i++) {
            mllp.seed("王", "芳", "F", LocalDate.of(1950, 1, 1).plusDays(i * 40L), null, null);
        }
        CandidateQuery name = new CandidateQuery(List.of(new CandidateQuery.ByName("王芳", 1000, 1960, Sex.FEMALE, Set.of())), 5000);
        Candidates all = his.candidates(name);
        assertThat(all.complete()).isTrue();
        assertThat(all.patients()).hasSize(450);
        assertThat(all.blocks().get(0).holders()).isEqualTo(450);

        mllp.withoutCounts();
        Candidates uncounted = his.candidates(name);
        assertThat(uncounted.complete()).isTrue();
        assertThat(uncounted.blocks().get(0).holders()).as("read to its end and counted").isEqualTo(450);

        mllp.capListsAt(300);
        Candidates capped = his.candidates(name);
        assertThat(capped.complete()).as("a capped list is never taken as the whole").isFalse();
    }

    @Test
    @DisplayName("EP-8.4 through the runner: a visit the HIS refuses waits on the workbench in Chinese words, the others are written over v2")
    void theRunnerWritesOverV2AndParksARefusalInWords() {
        java.util.List<org.hospital.continuity.server.writeback.VisitDraft> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            LocalDate born = LocalDate.of(1970 + i, 3, 4 + i);
            PatientFacts p = new PatientFacts(id.toString(), new String[] {"赵敏", "钱学", "孙立"}[i], Sex.FEMALE, born, "1390013900" + i,
                    org.hospital.continuity.sync.matching.NationalId.of("110101", born, 200 + 2 * i));
            drafts.add(new org.hospital.continuity.server.writeback.VisitDraft(id, "inc-v2", "kiosk-1", "DT-K1-00" + (10 + i), p, "0301", null,
                    Instant.parse("2026-11-21T02:10:00Z").plusSeconds(60L * i), "acct-cashier-3", "PF-" + i,
                    List.of(new org.hospital.continuity.server.writeback.VisitDraft.Line(UUID.randomUUID(), "FEE", "REG-01", "普通门诊挂号", 1,
                            1000, false))));
        }
        mllp.answerNext("AE", "101", "PID", 7, "出生日期必填");
        org.hospital.continuity.server.writeback.app.InMemoryLedger ledger = new org.hospital.continuity.server.writeback.app.InMemoryLedger();
        org.hospital.continuity.server.writeback.app.WritingBack.Report r = new org.hospital.continuity.server.writeback.app.WritingBack(his,
                new org.hospital.continuity.sync.his.CodeMapping(java.util.Map.of()),
                new org.hospital.continuity.server.writeback.domain.HisCircuit(5, Duration.ofMinutes(1), Instant::now), ledger, Instant::now,
                d -> { }, 3, Duration.ofMillis(1)).withConcurrency(2).run("inc-v2", drafts, null);

        assertThat(r.written()).isEqualTo(2);
        assertThat(r.toWorkbench()).isEqualTo(1);
        assertThat(ledger.items()).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo(org.hospital.continuity.server.writeback.WorkbenchReason.HIS_REFUSED);
            assertThat(i.detail()).isEqualTo("HIS 拒收此记录：必填项缺失（位置：病人信息第 7 项）；HIS 说明：出生日期必填");
        });
        // two workers: whichever registration reached the HIS first was refused; the other two are in the HIS
        assertThat(mllp.patients()).extracting(p -> p.family() + p.given()).filteredOn(n -> Set.of("赵敏", "钱学", "孙立").contains(n))
                .hasSize(2);
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
