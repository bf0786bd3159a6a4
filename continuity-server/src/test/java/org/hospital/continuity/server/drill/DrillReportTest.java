package org.hospital.continuity.server.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.server.drill.domain.DrillReport;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.drill.domain.DrillReport.Event;
import org.hospital.continuity.server.drill.domain.DrillReport.Facts;
import org.hospital.continuity.server.drill.domain.DrillReport.Instruction;
import org.hospital.continuity.server.drill.domain.DrillReport.KioskSync;
import org.hospital.continuity.server.drill.domain.DrillReport.Step;
import org.hospital.continuity.server.drill.domain.DrillReport.WriteBack;
import org.hospital.continuity.server.drill.domain.TimeScale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DrillReportTest {

    private static final IncidentEvent.Words W = new IncidentEvent.Words("事件", "event");

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    private static final TimeScale SCALE = TimeScale.compressed(T0, 60);

    private static Instant drill(Duration d) {
        return T0.plus(d);
    }

    private static Instant real(Duration d) {
        return T0.plus(d);
    }

    private static Facts facts(String status, String reason, WriteBack wb) {
        List<Event> events = List.of(
                new Event(1, new IncidentEvent.SignalReceived(drill(Duration.ofMinutes(2)), null, W, "s1", "ProbeResult")),
                new Event(2, new IncidentEvent.ClassChanged(drill(Duration.ofMinutes(5)), "EP-4.1", W, Optional.empty(),
                        Optional.of(FaultClass.CLASS_I), List.of())),
                new Event(3, new IncidentEvent.OutageStarted(drill(Duration.ofMinutes(5)), "EP-5.1", W, drill(Duration.ofMinutes(5)), List.of())),
                new Event(4, new IncidentEvent.LadderStepReached(drill(Duration.ofMinutes(35)), "EP-5.2.1", W, LadderStep.FRONT_DESK,
                        Duration.ofMinutes(30), Set.of(), List.of())),
                new Event(5, new IncidentEvent.OutageEnded(drill(Duration.ofHours(7)), "EP-6.8", W, drill(Duration.ofMinutes(5)),
                        Duration.ofMinutes(415))));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Instruction> instructions = List.of(
                // acknowledged 4 real seconds after the step = 240 drill seconds, within the 10-minute deadline
                new Instruction(a, 4, "OUTPATIENT_REGISTRATION", "SWITCH_TO_MANUAL", drill(Duration.ofMinutes(35)), drill(Duration.ofMinutes(45)),
                        SCALE.real(drill(Duration.ofMinutes(35))).plusSeconds(4), "收款员"),
                new Instruction(b, 4, "PHARMACY", "SWITCH_TO_MANUAL", drill(Duration.ofMinutes(35)), drill(Duration.ofMinutes(45)), null, null));
        List<KioskSync> kiosks = List.of(new KioskSync("k1", 30, 10, real(Duration.ofSeconds(10)), real(Duration.ofSeconds(300)),
                SCALE.real(drill(Duration.ofHours(7))).plusSeconds(20), 1.5, 12.0));
        return new Facts(UUID.randomUUID(), "s", 60, SCALE, status, real(Duration.ofMinutes(8)), reason,
                List.of(new Step(0, "PROBE", drill(Duration.ofMinutes(2)), drill(Duration.ofMinutes(2)))), events, instructions, kiosks, wb, 0,
                Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("EP-9.4 the figures are the spans between recorded instants, on the drill's clock and in real time")
    void figuresAreSpansBetweenRecordedInstants() {
        DrillReport.Report r = DrillReport.compute(facts("FINISHED", "scenario played",
                new WriteBack("SANDBOX", 8, 2, 0, SCALE.real(drill(Duration.ofHours(7))).plusSeconds(60), SCALE.real(drill(Duration.ofHours(7))).plusSeconds(90))));
        assertThat(r.toDetect().drillSeconds()).isZero();
        assertThat(r.toClassify().drillSeconds()).isEqualTo(180);
        assertThat(r.toClassify().realSeconds()).isEqualTo(3);
        assertThat(r.classifiedAs()).isEqualTo("CLASS_I");
        DrillReport.LadderAck cashier = r.ladder().stream().filter(l -> l.party().equals("OUTPATIENT_REGISTRATION")).findFirst().orElseThrow();
        assertThat(cashier.toAcknowledgement().drillSeconds()).isEqualTo(240);
        assertThat(cashier.toAcknowledgement().realSeconds()).isEqualTo(4);
        assertThat(cashier.late()).isFalse();
        assertThat(r.records().entries()).isEqualTo(30);
        assertThat(r.sync().lastSyncedAfterRecovery().realSeconds()).isEqualTo(20);
        assertThat(r.writeBack().sharePercent()).isEqualTo(80);
        assertThat(r.toFinishReconciliation().realSeconds()).isEqualTo(90);
        assertThat(r.wentWrong()).extracting(DrillReport.Finding::code).containsExactly("NOT_ACKNOWLEDGED");
    }

    @Test
    void aStoppedDrillWithHeldRecordsSaysSoWithTheReason() {
        DrillReport.Report r = DrillReport.compute(facts("STOPPED", "real fault suspected", new WriteBack("HELD", 0, 0, 0, null, null)));
        assertThat(r.writeBack().sharePercent()).isNull();
        assertThat(r.toFinishReconciliation().happened()).isFalse();
        assertThat(r.wentWrong()).extracting(DrillReport.Finding::code).contains("STOPPED", "WRITEBACK_HELD", "NOT_ACKNOWLEDGED");
        assertThat(r.wentWrong()).anyMatch(f -> f.en().contains("real fault suspected"));
    }
}
