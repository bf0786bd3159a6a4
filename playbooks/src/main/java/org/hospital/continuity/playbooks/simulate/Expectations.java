package org.hospital.continuity.playbooks.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.Evidence;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.party.Department;

/** Checks a simulation against its scenario's {@code expect:} block: every mismatch in words. */
public final class Expectations {

    private Expectations() {
    }

    /** The mismatches between what the scenario expects and what happened; empty when it all holds. */
    public static List<String> check(Simulation s) {
        Expectation e = s.scenario().expect();
        Instant start = s.scenario().start();
        List<String> problems = new ArrayList<>();
        List<TimelineEntry.IncidentOpened> opened = s.entriesOf(TimelineEntry.IncidentOpened.class);
        e.incidents().ifPresent(n -> {
            if (opened.size() != n) {
                problems.add("expected " + n + " incidents, " + opened.size() + " opened");
            }
        });
        e.atOnce().ifPresent(n -> {
            int open = 0;
            int most = 0;
            for (TimelineEntry entry : s.entries()) {
                if (entry instanceof TimelineEntry.IncidentOpened) {
                    most = Math.max(most, ++open);
                } else if (entry instanceof TimelineEntry.IncidentClosed || entry instanceof TimelineEntry.IncidentMerged) {
                    open--;
                }
            }
            if (most != n) {
                problems.add("expected at most " + n + " incidents open at once, there were " + most);
            }
        });
        Map<Integer, List<Optional<FaultClass>>> classes = new LinkedHashMap<>();
        List<String> evidenceLines = new ArrayList<>();
        for (TimelineEntry.Regraded r : s.entriesOf(TimelineEntry.Regraded.class)) {
            List<Evidence> lines = List.of();
            if (r.event() instanceof GradingEvent.ClassChanged c) {
                classes.computeIfAbsent(r.incident().number(), k -> new ArrayList<>()).add(c.to());
                lines = c.evidence();
            } else if (r.event() instanceof GradingEvent.ScopeChanged c) {
                lines = c.evidence();
            } else if (r.event() instanceof GradingEvent.EvidenceChanged c) {
                lines = c.evidence();
            }
            for (Evidence ev : lines) {
                evidenceLines.add(ev.line().zh());
                evidenceLines.add(ev.line().en());
            }
        }
        e.classes().forEach((n, expected) -> {
            List<Optional<FaultClass>> actual = classes.getOrDefault(n, List.of());
            if (!actual.equals(expected)) {
                problems.add("incident " + n + ": expected classes " + names(expected) + ", got " + names(actual));
            }
        });
        e.ladder().ifPresent(expected -> {
            List<Expectation.Row> actual = s.entriesOf(TimelineEntry.LadderStepReached.class).stream()
                    .map(l -> new Expectation.Row(Duration.between(start, l.at()), l.milestone().step(), l.area())).toList();
            if (!actual.equals(expected)) {
                problems.add("expected ladder rows " + expected + ", got " + actual);
            }
        });
        e.manual().ifPresent(expected -> {
            List<Expectation.Switch> actual = new ArrayList<>();
            for (TimelineEntry entry : s.entries()) {
                if (entry instanceof TimelineEntry.LadderStepReached l) {
                    for (Department d : l.switching().stream().sorted().toList()) {
                        actual.add(new Expectation.Switch(Duration.between(start, l.at()), d, l.area()));
                    }
                } else if (entry instanceof TimelineEntry.ManualModeGranted g) {
                    actual.add(new Expectation.Switch(Duration.between(start, g.at()), g.department(), g.area()));
                }
            }
            if (!new HashSet<>(actual).equals(new HashSet<>(expected)) || actual.size() != expected.size()) {
                problems.add("expected departments to go manual " + expected + ", got " + actual);
            }
        });
        e.outages().ifPresent(expected -> {
            List<Expectation.Outage> actual = new ArrayList<>();
            for (TimelineEntry entry : s.entries()) {
                if (entry instanceof TimelineEntry.OutageStarted o) {
                    actual.add(new Expectation.Outage(o.area(), Duration.between(start, o.start()), Optional.empty()));
                } else if (entry instanceof TimelineEntry.OutageEnded o) {
                    for (int i = 0; i < actual.size(); i++) {
                        Expectation.Outage x = actual.get(i);
                        if (x.area().equals(o.area()) && x.to().isEmpty() && x.from().equals(Duration.between(start, o.start()))) {
                            actual.set(i, new Expectation.Outage(x.area(), x.from(), Optional.of(Duration.between(start, o.at()))));
                            break;
                        }
                    }
                }
            }
            if (!actual.equals(expected)) {
                problems.add("expected outages " + expected + ", got " + actual);
            }
        });
        Set<String> due = new HashSet<>();
        s.entriesOf(TimelineEntry.StepDue.class).forEach(d -> due.add(d.due().reference()));
        e.steps().stream().filter(x -> !due.contains(x)).forEach(x -> problems.add("expected step " + x + " to become due"));
        e.noSteps().stream().filter(due::contains).forEach(x -> problems.add("expected step " + x + " not to become due"));
        e.merged().ifPresent(n -> {
            int actual = s.entriesOf(TimelineEntry.IncidentMerged.class).size();
            if (actual != n) {
                problems.add("expected " + n + " merges, got " + actual);
            }
        });
        for (String text : e.evidence()) {
            if (evidenceLines.stream().noneMatch(l -> l.contains(text))) {
                problems.add("expected evidence mentioning '" + text + "'");
            }
        }
        e.rejected().ifPresent(n -> {
            int actual = s.entriesOf(TimelineEntry.InputRejected.class).size();
            if (actual != n) {
                problems.add("expected " + n + " refused requests, got " + actual);
            }
        });
        return problems;
    }

    private static String names(List<Optional<FaultClass>> classes) {
        return classes.stream().map(c -> c.map(Enum::name).orElse("none")).toList().toString();
    }
}
