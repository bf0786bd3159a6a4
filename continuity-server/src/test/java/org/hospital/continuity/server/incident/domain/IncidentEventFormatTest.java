package org.hospital.continuity.server.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Office;
import org.hospital.continuity.server.incident.DepartmentMode;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.IncidentEvent.Words;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Typed incident events: stored with a type tag and schema version, read back typed, old rows still read")
class IncidentEventFormatTest {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
    private static final Words W = new Words("事件", "event");
    private static final IncidentEventFormat.Head HEAD = new IncidentEventFormat.Head(AT, "EP-4.1", W);

    private static IncidentEvent roundTrip(IncidentEvent e) {
        return IncidentEventFormat.read(IncidentEventFormat.tag(e), IncidentEventFormat.SCHEMA_VERSION,
                new IncidentEventFormat.Head(e.at(), e.clause(), e.summary()), IncidentEventFormat.data(e));
    }

    @Test
    @DisplayName("every event type comes back equal from its stored form (one tag per type)")
    void everyTypeRoundTrips() {
        IncidentEvent.EvidenceLine line = new IncidentEvent.EvidenceLine("SERVER_DOWN", "EP-4.1", FaultClass.CLASS_I, Scope.WHOLE_NETWORK,
                List.of("s1", "s2"), AT, new Words("服务器故障", "server down"));
        IncidentEvent.Milestone milestone = new IncidentEvent.Milestone(LadderStep.FRONT_DESK, "EP-5.2.1", AT.plusSeconds(1800),
                Duration.ofMinutes(30));
        List<IncidentEvent> all = List.of(
                new IncidentEvent.SignalReceived(AT, null, W, "s1", "ProbeResult"),
                new IncidentEvent.InputRejected(AT, "EP-4", W, "RequestOverride"),
                new IncidentEvent.ClassChanged(AT, "EP-4.1", W, Optional.empty(), Optional.of(FaultClass.CLASS_I), List.of(line)),
                new IncidentEvent.ScopeChanged(AT, "EP-5", W, Optional.of(Scope.LOCAL), Optional.of(Scope.WHOLE_NETWORK), List.of(line)),
                new IncidentEvent.OverrideApplied(AT, "EP-4", W, "王工", FaultClass.CLASS_II, Optional.of(Scope.LOCAL)),
                new IncidentEvent.OverrideLifted(AT, "EP-4", W, "王工"),
                new IncidentEvent.OverrideSuperseded(AT, "EP-4", W, FaultClass.CLASS_II, FaultClass.CLASS_I, List.of(line)),
                new IncidentEvent.ContextChanged(AT, "EP-5.1", W, Set.of(ContextModifier.HOLIDAY), List.of(milestone)),
                new IncidentEvent.OutageStarted(AT, "EP-5.1", W, AT, List.of(milestone)),
                new IncidentEvent.LadderStepReached(AT, "EP-5.2.1", W, LadderStep.FRONT_DESK, Duration.ofMinutes(20),
                        Set.of(Department.PHARMACY, Department.ADMISSION), List.of(Office.LEADERSHIP_GROUP, Office.FINANCE)),
                new IncidentEvent.ManualModeGranted(AT, "EP-5.2", W, Department.CRITICAL_CARE, "李护士长", "危重病人"),
                new IncidentEvent.OutageEnded(AT, "EP-6.8", W, AT.minusSeconds(3600), Duration.ofHours(1)),
                new IncidentEvent.ManualModeEnded(AT, "EP-6.8", W, Set.of(Department.PHARMACY)),
                new IncidentEvent.StepDue(AT, "EP-4.5", W, "ep4-1-class-i/report-to-leadership", Office.IT_DEPARTMENT,
                        List.of(Office.LEADERSHIP_GROUP), Optional.of(Department.PHARMACY), Optional.of(AT.plusSeconds(900)), "ClassReached"),
                new IncidentEvent.StepDue(AT, "EP-4.7", W, "ep4-3-class-iii/log", Office.SYSTEM_ADMINISTRATOR, List.of(), Optional.empty(),
                        Optional.empty(), "ClassReached"),
                new IncidentEvent.DeadlineReached(AT, "EP-8.4", W, "ep6-recovery/x", Optional.of(Department.PHARMACY), AT),
                new IncidentEvent.IncidentClosed(AT, "EP-8.1", W, AT.minusSeconds(7200), FaultClass.CLASS_I),
                new IncidentEvent.IncidentMerged(AT, "EP-4", W, 1, "it-duty-li"),
                new IncidentEvent.DrillEnded(AT, "EP-9.4", W, "演练结束"),
                new IncidentEvent.InstructionIssued(AT, "EP-8.4", W, Department.PHARMACY, "RESUME_NORMAL", "王工"),
                new IncidentEvent.InstructionAcknowledged(AT, "EP-6.1", W, UUID.randomUUID(), Department.PHARMACY, UUID.randomUUID()),
                new IncidentEvent.ModeChanged(AT, "EP-6.1", W, Department.PHARMACY, DepartmentMode.NORMAL, DepartmentMode.MANUAL,
                        UUID.randomUUID()));
        assertThat(all.stream().map(IncidentEventFormat::tag).distinct()).hasSize(IncidentEventFormat.tags().size());
        for (IncidentEvent e : all) {
            assertThat(roundTrip(e)).as(IncidentEventFormat.tag(e)).isEqualTo(e);
        }
    }

    @Test
    @DisplayName("schema version 1 rows (stored before events were typed) still read: a ladder step without its parties, a drill end without data")
    void versionOneRowsStillRead() {
        // exactly what the untyped timeline stored for these kinds
        IncidentEvent ladder = IncidentEventFormat.read("LADDER_STEP_REACHED", 1, HEAD,
                Map.of("step", "FRONT_DESK", "threshold", "PT30M", "switching", List.of("OUTPATIENT_REGISTRATION", "PHARMACY")));
        assertThat(ladder).isEqualTo(new IncidentEvent.LadderStepReached(AT, "EP-4.1", W, LadderStep.FRONT_DESK, Duration.ofMinutes(30),
                Set.of(Department.OUTPATIENT_REGISTRATION, Department.PHARMACY), List.of()));

        IncidentEvent drill = IncidentEventFormat.read("DRILL_ENDED", 1, HEAD, Map.of());
        assertThat(drill).isEqualTo(new IncidentEvent.DrillEnded(AT, "EP-4.1", W, ""));

        IncidentEvent classChanged = IncidentEventFormat.read("CLASS_CHANGED", 1, HEAD, new java.util.HashMap<>(Map.of("to", "CLASS_I",
                "evidence", List.of(Map.of("rule", "SERVER_DOWN", "clause", "EP-4.1", "class", "CLASS_I", "scope", "LOCAL",
                        "signals", List.of("s1"), "since", AT.toString(), "zh", "服务器故障", "en", "server down")))));
        assertThat(classChanged).isInstanceOfSatisfying(IncidentEvent.ClassChanged.class, c -> {
            assertThat(c.from()).isEmpty();
            assertThat(c.to()).contains(FaultClass.CLASS_I);
            assertThat(c.evidence()).singleElement().satisfies(l -> assertThat(l.line().zh()).isEqualTo("服务器故障"));
        });
    }

    @Test
    @DisplayName("EP-4 words of version 1 rows named signals by machine ids: read without them (as stored by the previous release)")
    void versionOneWordsLoseMachineIds() {
        // the words the previous release stored, copied from its database
        String id = "f208a5e8-26a9-4282-a218-cece44636b61";
        IncidentEventFormat.Head head = new IncidentEventFormat.Head(AT, null,
                new Words("诊断(系统管理员): 服务器不能正常工作 → " + id, "diagnosis (admin): server not working → " + id));
        IncidentEvent signal = IncidentEventFormat.read("SIGNAL_RECEIVED", 1, head, Map.of("signalId", id, "signalKind", "Diagnosis"));
        assertThat(signal.summary()).isEqualTo(new Words("诊断(系统管理员): 服务器不能正常工作", "diagnosis (admin): server not working"));

        IncidentEvent classChanged = IncidentEventFormat.read("CLASS_CHANGED", 1, new IncidentEventFormat.Head(AT, "EP-4.1",
                new Words("信号 " + id + " 故障报告 门诊收费处", "signal " + id + " fault report")), new java.util.HashMap<>(Map.of("to", "CLASS_I",
                "evidence", List.of(Map.of("rule", "DIAGNOSED_CAUSE", "clause", "EP-4.1", "class", "CLASS_I", "scope", "WHOLE_NETWORK",
                        "signals", List.of(id), "since", AT.toString(),
                        "zh", "信息科核实原因(系统管理员): 服务器不能正常工作 (" + id + ")", "en", "cause verified by IT: server down (" + id + ")")))));
        assertThat(classChanged.summary().zh()).isEqualTo("信号 故障报告 门诊收费处");
        assertThat(classChanged).isInstanceOfSatisfying(IncidentEvent.ClassChanged.class, c -> assertThat(c.evidence()).singleElement()
                .satisfies(l -> {
                    assertThat(l.line().zh()).isEqualTo("信息科核实原因(系统管理员): 服务器不能正常工作");
                    assertThat(l.signals()).as("the ids stay in the data, for the machine").containsExactly(id);
                }));
    }

    @Test
    @DisplayName("a type this server does not know (a newer instance wrote it) reads as Unrecognised, with its words; it never stops a reader")
    void unknownTypesReadAsUnrecognised() {
        IncidentEvent e = IncidentEventFormat.read("SOMETHING_NEW", 3, HEAD, Map.of("x", 1));
        assertThat(e).isInstanceOfSatisfying(IncidentEvent.Unrecognised.class, u -> {
            assertThat(u.type()).isEqualTo("SOMETHING_NEW");
            assertThat(u.summary()).isEqualTo(W);
        });
        assertThat(IncidentEventFormat.tag(e)).isEqualTo("SOMETHING_NEW");
    }

    @Test
    @DisplayName("a known type whose stored data is malformed is refused, not silently turned into another event")
    void malformedDataIsRefused() {
        assertThatThrownBy(() -> IncidentEventFormat.read("INCIDENT_CLOSED", 2, HEAD, Map.of("openedAt", AT.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("highestClass");
    }
}
