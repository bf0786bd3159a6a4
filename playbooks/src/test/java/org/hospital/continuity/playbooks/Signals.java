package org.hospital.continuity.playbooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.classify.Classification;
import org.hospital.continuity.playbooks.classify.Classifier;
import org.hospital.continuity.playbooks.classify.ClassifierSettings;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;

/** Test builders for signals, at minute offsets from {@link #T0} (a Tuesday, 10:00 in Asia/Shanghai). */
public final class Signals {

    /** 2026-11-24 10:00 Asia/Shanghai. */
    public static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    private Signals() {
    }

    public static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static ProbeResult down(String id, int minute, Component component, String target) {
        return new ProbeResult(id, at(minute), component, target, ProbeStatus.DOWN, "");
    }

    public static ProbeResult up(String id, int minute, Component component, String target) {
        return new ProbeResult(id, at(minute), component, target, ProbeStatus.UP, "");
    }

    public static Terminal terminal(String id, Department department, String ward, String building, String subnet) {
        return new Terminal(id, department, ward, building, subnet);
    }

    /** A nurse-station terminal of ward 5A, building B, subnet 10.2.5.0/24, numbered {@code n}. */
    public static Terminal ward5a(int n) {
        return terminal("NS-5A-0" + n, Department.NURSE_STATION, "5A", "B", "10.2.5.0/24");
    }

    public static FaultReport report(String id, int minute, Terminal terminal, Symptom symptom) {
        return new FaultReport(id, at(minute), "nurse-" + id, terminal, symptom, "");
    }

    public static FaultReport reportBy(String id, int minute, String reporter, Terminal terminal, Symptom symptom, String text) {
        return new FaultReport(id, at(minute), reporter, terminal, symptom, text);
    }

    public static IntegrityAlarm alarm(String id, int minute, IntegrityKind kind) {
        return new IntegrityAlarm(id, at(minute), kind, "audit", "");
    }

    public static Diagnosis diagnosis(String id, int minute, Cause cause, String... explains) {
        return new Diagnosis(id, at(minute), "sysadmin", cause, List.of(explains), "");
    }

    public static Clearance clear(String id, int minute, String... ids) {
        return new Clearance(id, at(minute), "it-duty", List.of(ids), "");
    }

    /** Classifies with the default settings at minute {@code minute}. */
    public static Optional<Classification> classifyAt(int minute, Signal... signals) {
        return Classifier.classify(List.of(signals), at(minute), ClassifierSettings.defaults());
    }
}
