package org.hospital.continuity.server.writeback.app;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Write-back of a generated outage into the real FHIR server (tests/fhir-server). */
class WritingBackTest {

    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();
    static FhirHisPort his;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T08:00:00Z"));
    final InstantSource clock = () -> now.get();

    @BeforeAll
    static void connect() {
        his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"));
    }

    @BeforeEach
    void emptyHis() {
        FhirTestServerProcess.reset();
        his.forgetPrices();
    }

    WritingBack runner(HisPort port, InMemoryLedger ledger, HisCircuit circuit, CodeMapping mapping) {
        return new WritingBack(port, mapping, circuit, ledger, clock, d -> { }, 3, Duration.ofMillis(1));
    }

    static CodeMapping identity() {
        return new CodeMapping(Map.of());
    }

    int count(Class<? extends Resource> type) {
        return his.client().search().forResource(type).summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT)
                .returnBundle(Bundle.class).execute().getTotal();
    }

    /** Counts automatic results that put a visit on the wrong person. */
    static int wrongAutomatic(OutageFixture fx, InMemoryLedger ledger) {
        int wrong = 0;
        Map<Integer, String> createdFor = new HashMap<>();
        Map<String, Integer> personOfCreated = new HashMap<>();
        for (InMemoryLedger.Written w : ledger.writtenVisits().values()) {
            OutageDataSet.Capture c = fx.truth.get(w.visitId());
            String ref = w.outcome().hisPatientRef();
            int person = OutageFixture.personOf(ref);
            if (c.personInHis()) {
                if (person != c.truth().id()) {
                    wrong++;
                }
            } else {
                if (person != -1) {
                    wrong++;
                }
                String earlier = createdFor.putIfAbsent(c.truth().id(), ref);
                Integer other = personOfCreated.putIfAbsent(ref, c.truth().id());
                if (earlier != null && !earlier.equals(ref) || other != null && other != c.truth().id()) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    @Test
    @DisplayName("Issue 9: an outage from several kiosks is written back; leftovers reach the workbench; resolving them completes it; a replay creates nothing")
    void outageIsWrittenBackAndReplayCreatesNothing() {
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(77, 400, 150, 3, Instant.parse("2026-11-21T00:00:00Z")), "inc-1");
        fx.seed(his, IDS);
        InMemoryLedger ledger = new InMemoryLedger();

        WritingBack.Report r = runner(his, ledger, new HisCircuit(5, Duration.ofMinutes(1), clock), identity())
                .run("inc-1", fx.drafts, null);

        assertThat(r.paused()).isFalse();
        assertThat(wrongAutomatic(fx, ledger)).isZero();
        assertThat(r.written() + r.toWorkbench()).isEqualTo(150);
        assertThat(r.priceFlags()).as("RAD-CXR costs more in the HIS now").isPositive();
        List<WorkbenchItem> blocking = ledger.items().stream().filter(WorkbenchItem::blocking).toList();
        assertThat(blocking).allSatisfy(i -> assertThat(i.reason()).isEqualTo(WorkbenchReason.PATIENT_PROPOSAL));
        assertThat(ledger.items()).filteredOn(i -> i.reason() == WorkbenchReason.PRICE_DIFFERS)
                .allSatisfy(i -> assertThat(i.detail()).contains("RAD-CXR charged 8000 fen, HIS 8500 fen"));

        // a person resolves every proposal on the workbench with the right patient (or "create new")
        for (WorkbenchItem i : blocking) {
            OutageDataSet.Capture c = fx.truth.get(i.visitId());
            ledger.decide(i.visitId(), c.personInHis() ? "Patient/his-" + c.truth().id() : "");
        }
        WritingBack.Report second = runner(his, ledger, new HisCircuit(5, Duration.ofMinutes(1), clock), identity())
                .run("inc-1", fx.drafts, null);
        assertThat(second.written()).isEqualTo(blocking.size());
        assertThat(ledger.writtenVisits()).hasSize(150);
        assertThat(count(Encounter.class)).isEqualTo(150);
        int patients = count(Patient.class);

        // replay everything from scratch: nothing is created twice
        InMemoryLedger fresh = new InMemoryLedger();
        for (WorkbenchItem i : blocking) {
            fresh.decide(i.visitId(), ledger.writtenVisits().get(i.visitId()).outcome().hisPatientRef());
        }
        runner(his, fresh, new HisCircuit(5, Duration.ofMinutes(1), clock), identity()).run("inc-1", fx.drafts, null);
        assertThat(fresh.writtenVisits().values()).allSatisfy(w -> assertThat(w.outcome().created()).isZero());
        assertThat(count(Encounter.class)).isEqualTo(150);
        assertThat(count(Patient.class)).isEqualTo(patients);
    }

    @Test
    @DisplayName("EP-8.4 a registration that waited for an earlier registration of the same person is written once that one is, under the same patient")
    void groupWaitingIsTakenUpAgain() {
        PatientFacts person = new PatientFacts("p", "欧阳娜", org.hospital.continuity.sync.matching.Sex.FEMALE,
                java.time.LocalDate.of(1949, 12, 31), "13800138000", "11010519491231002X");
        UUID first = UUID.nameUUIDFromBytes("group-wait:first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID second = UUID.nameUUIDFromBytes("group-wait:second".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Instant at = Instant.parse("2026-11-21T02:00:00Z");
        VisitDraft a = new VisitDraft(first, "inc-gw", "K-1", "D-0001", new PatientFacts(first.toString(), person.name(), person.sex(),
                person.birthDate(), person.phone(), person.nationalId()), "0301", null, at, "acct-1", "PF-1",
                List.of(new VisitDraft.Line(UUID.nameUUIDFromBytes((first + ":0").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "DRUG", "DRUG-IBU", "布洛芬缓释胶囊", 1, 1850, true)));
        VisitDraft b = new VisitDraft(second, "inc-gw", "K-2", "D-0002", new PatientFacts(second.toString(), person.name(), person.sex(),
                person.birthDate(), person.phone(), person.nationalId()), "0301", null, at.plusSeconds(3600), "acct-2", "PF-2",
                List.of(new VisitDraft.Line(UUID.nameUUIDFromBytes((second + ":0").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "FEE", "REG-GEN", "普通门诊挂号费", 1, 500, false)));
        InMemoryLedger ledger = new InMemoryLedger();
        CodeMapping withoutIbu = new CodeMapping(Map.of(CodeMapping.Kind.DRUG, Map.of("DRUG-AMOX", "DRUG-AMOX")));

        // the first registration waits for a person (its drug code is not mapped); the second, the same person at another
        // kiosk, would create the patient a second time, so it waits for the first
        runner(his, ledger, new HisCircuit(5, Duration.ofMinutes(1), clock), withoutIbu).run("inc-gw", List.of(a, b), null);
        assertThat(ledger.items()).extracting(WorkbenchItem::visitId, WorkbenchItem::reason, WorkbenchItem::detail)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, WorkbenchReason.UNMAPPED_CODE, "DRUG DRUG-IBU"),
                        org.assertj.core.groups.Tuple.tuple(second, WorkbenchReason.PATIENT_PROPOSAL, "GROUP_WAITING"));
        assertThat(ledger.writtenVisits()).isEmpty();

        // the code is mapped and a person lets the first be written as a new patient: the next run writes both,
        // the second under the patient the first created, with no second decision by a person
        ledger.decide(first, "");
        runner(his, ledger, new HisCircuit(5, Duration.ofMinutes(1), clock), identity()).run("inc-gw", List.of(a, b), null);
        assertThat(ledger.writtenVisits()).containsKeys(first, second);
        String patient = ledger.writtenVisits().get(first).outcome().hisPatientRef();
        assertThat(ledger.writtenVisits().get(second).outcome().hisPatientRef()).isEqualTo(patient);
        assertThat(count(Patient.class)).isEqualTo(1);
        assertThat(ledger.released()).hasSize(1);
        assertThat(ledger.waitingReason(second)).isEmpty();
    }

    @Test
    @DisplayName("Issue 9: a visit with an unmapped drug code goes to the workbench, never a guess")
    void unmappedCodeGoesToTheWorkbench() {
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(5, 50, 40, 2, Instant.parse("2026-11-21T00:00:00Z")), "inc-2");
        fx.seed(his, IDS);
        Map<String, String> drugs = Map.of("DRUG-AMOX", "DRUG-AMOX", "DRUG-NS500", "DRUG-NS500"); // no DRUG-IBU
        CodeMapping mapping = new CodeMapping(Map.of(CodeMapping.Kind.DRUG, drugs));
        InMemoryLedger ledger = new InMemoryLedger();

        runner(his, ledger, new HisCircuit(5, Duration.ofMinutes(1), clock), mapping).run("inc-2", fx.drafts, null);

        List<UUID> withIbu = fx.drafts.stream().filter(d -> d.lines().stream().anyMatch(l -> l.code().equals("DRUG-IBU")))
                .map(VisitDraft::visitId).toList();
        assertThat(withIbu).isNotEmpty();
        assertThat(ledger.items()).filteredOn(i -> i.reason() == WorkbenchReason.UNMAPPED_CODE)
                .extracting(WorkbenchItem::visitId).containsExactlyInAnyOrderElementsOf(withIbu);
        assertThat(ledger.items()).filteredOn(i -> i.reason() == WorkbenchReason.UNMAPPED_CODE)
                .allSatisfy(i -> assertThat(i.detail()).isEqualTo("DRUG DRUG-IBU"));
        assertThat(ledger.writtenVisits().keySet()).doesNotContainAnyElementsOf(withIbu);
    }

    @Test
    @DisplayName("Issue 9: the HIS going down again pauses write-back without losing its place; it resumes after the breaker's cool-down")
    void hisDownPausesAndResumes() {
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(11, 60, 30, 2, Instant.parse("2026-11-21T00:00:00Z")), "inc-3");
        fx.seed(his, IDS);
        AtomicBoolean down = new AtomicBoolean(false);
        int[] writes = {0};
        // fault injection around the real HIS: after 10 writes it stops answering
        HisPort flaky = new HisPort() {
            public Candidates candidates(CandidateQuery q) {
                if (down.get()) {
                    throw new ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException("refused");
                }
                return his.candidates(q);
            }

            public long patientCount() {
                return his.patientCount();
            }

            public Optional<Long> currentPriceFen(String code) {
                return his.currentPriceFen(code);
            }

            public WriteOutcome write(DowntimeVisit v) {
                if (down.get() || ++writes[0] > 10) {
                    down.set(true);
                    return new WriteOutcome.Unavailable("connection refused");
                }
                return his.write(v);
            }
        };
        InMemoryLedger ledger = new InMemoryLedger();
        HisCircuit circuit = new HisCircuit(3, Duration.ofMinutes(2), clock);

        WritingBack.Report first = runner(flaky, ledger, circuit, identity()).run("inc-3", fx.drafts, null);

        assertThat(first.paused()).isTrue();
        assertThat(circuit.state()).isEqualTo(HisCircuit.State.OPEN);
        assertThat(ledger.writtenVisits()).hasSize(first.written());
        int before = ledger.writtenVisits().size() + (int) ledger.items().stream().filter(WorkbenchItem::blocking).count();
        assertThat(before).isLessThan(30);

        // still down and the breaker still open: nothing is attempted
        WritingBack.Report again = runner(flaky, ledger, circuit, identity()).run("inc-3", fx.drafts, null);
        assertThat(again.paused()).isTrue();
        assertThat(again.written()).isZero();

        // the HIS is back and the cool-down is over: the run continues where it stopped
        down.set(false);
        writes[0] = -1000;
        now.set(now.get().plus(Duration.ofMinutes(3)));
        WritingBack.Report resumed = runner(flaky, ledger, circuit, identity()).run("inc-3", fx.drafts, null);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.alreadySettled()).isEqualTo(before);
        assertThat(ledger.writtenVisits().size() + ledger.items().stream().filter(WorkbenchItem::blocking).count()).isEqualTo(30);
        assertThat(count(Encounter.class)).isEqualTo(ledger.writtenVisits().size());
        assertThat(circuit.state()).isEqualTo(HisCircuit.State.CLOSED);
    }
}
