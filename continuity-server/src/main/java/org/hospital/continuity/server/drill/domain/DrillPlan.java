package org.hospital.continuity.server.drill.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * EP-9.4: a scenario laid on a drill's clock. Every input keeps its offset from the scenario's start and is due at
 * the drill's start plus that offset (engine time; the drill's {@link TimeScale} makes it come sooner in real time).
 * Signal ids get the drill's prefix, so two drills of the same scenario never share a signal id, and the ids a
 * clearance or a diagnosis refers to are renamed the same way. Pure.
 */
public final class DrillPlan {

    /** One input of the scenario, due at {@code dueAt} on the drill's clock. */
    public record Step(int index, Duration offset, Instant dueAt, String kind, String signalId, Bilingual summary, Input input) {
        public Step {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(input, "input");
        }
    }

    private DrillPlan() {
    }

    public static List<Step> of(Scenario scenario, Instant start, String idPrefix) {
        List<Step> out = new ArrayList<>();
        int i = 0;
        for (Input input : scenario.inputs()) {
            Duration offset = Duration.between(scenario.start(), input.at());
            Instant at = start.plus(offset);
            Input moved = moved(input, at, idPrefix);
            String signalId = moved instanceof Input.Observe o ? o.signal().id() : null;
            out.add(new Step(i++, offset, at, kind(moved), signalId, summary(moved), moved));
        }
        return List.copyOf(out);
    }

    /** The same input at {@code at}, its ids (and the ids it refers to) prefixed. */
    static Input moved(Input input, Instant at, String p) {
        if (input instanceof Input.Observe o) {
            return new Input.Observe(moved(o.signal(), at, p));
        }
        if (input instanceof Input.RequestOverride r) {
            OverrideRequest q = r.request();
            return new Input.RequestOverride(new OverrideRequest(at, q.by(), q.faultClass(), q.scope(), q.reason()));
        }
        if (input instanceof Input.LiftOverride l) {
            return new Input.LiftOverride(at, l.by(), l.reason());
        }
        if (input instanceof Input.RequestManualMode m) {
            return new Input.RequestManualMode(at, m.by(), m.department(), m.reason());
        }
        if (input instanceof Input.ChangeContext c) {
            return new Input.ChangeContext(at, c.modifiers());
        }
        throw new IllegalArgumentException("unknown input " + input.getClass().getSimpleName());
    }

    static Signal moved(Signal s, Instant at, String p) {
        if (s instanceof ProbeResult r) {
            return new ProbeResult(p + r.id(), at, r.component(), r.target(), r.status(), r.detail());
        }
        if (s instanceof FaultReport f) {
            return new FaultReport(p + f.id(), at, f.reporter(), f.terminal(), f.symptom(), f.text());
        }
        if (s instanceof IntegrityAlarm a) {
            return new IntegrityAlarm(p + a.id(), at, a.kind(), a.source(), a.detail());
        }
        if (s instanceof Diagnosis d) {
            return new Diagnosis(p + d.id(), at, d.by(), d.cause(), d.explains().stream().map(x -> p + x).toList(), d.note());
        }
        if (s instanceof Clearance c) {
            return new Clearance(p + c.id(), at, c.by(), c.clears().stream().map(x -> p + x).toList(), c.note());
        }
        throw new IllegalArgumentException("unknown signal " + s.getClass().getSimpleName());
    }

    static String kind(Input input) {
        if (input instanceof Input.Observe o) {
            Signal s = o.signal();
            return s instanceof ProbeResult ? "PROBE" : s instanceof FaultReport ? "FAULT_REPORT" : s instanceof IntegrityAlarm ? "ALARM"
                    : s instanceof Diagnosis ? "DIAGNOSIS" : "CLEARANCE";
        }
        return input instanceof Input.RequestOverride ? "OVERRIDE" : input instanceof Input.LiftOverride ? "LIFT_OVERRIDE"
                : input instanceof Input.RequestManualMode ? "MANUAL_REQUEST" : "CONTEXT";
    }

    static Bilingual summary(Input input) {
        if (input instanceof Input.Observe o) {
            return o.signal().describe();
        }
        if (input instanceof Input.RequestManualMode m) {
            return Bilingual.of(m.department().zh() + "申请提前转入手工操作", m.department().en() + " asks to switch to manual early");
        }
        String k = kind(input);
        return Bilingual.of(k, k);
    }
}
