package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Signal;

/** What holds at {@code now}: the signals up to now, sorted, with clearances and diagnoses applied. */
final class SignalView {

    /** One down episode of a probed component: from its first DOWN to the UP that ended it (empty if ongoing). */
    record Episode(ProbeResult firstDown, Optional<Instant> endedAt) {
        boolean ongoing() {
            return endedAt.isEmpty();
        }
    }

    final Instant now;
    final Map<String, List<ProbeResult>> probeSeries = new LinkedHashMap<>();
    final List<FaultReport> openReports = new ArrayList<>();
    final List<IntegrityAlarm> openAlarms = new ArrayList<>();
    final List<Diagnosis> standaloneDiagnoses = new ArrayList<>();
    private final Map<String, Diagnosis> diagnosisOf = new HashMap<>();

    private SignalView(Instant now) {
        this.now = now;
    }

    static SignalView of(List<? extends Signal> signals, Instant now) {
        SignalView view = new SignalView(now);
        List<Signal> ordered = signals.stream()
                .filter(s -> !s.at().isAfter(now))
                .sorted(Comparator.comparing(Signal::at)) // stable: same instant keeps arrival order
                .map(Signal.class::cast)
                .toList();
        Set<String> cleared = new HashSet<>();
        for (Signal s : ordered) {
            if (s instanceof Clearance c) {
                cleared.addAll(c.clears());
            }
        }
        for (Signal s : ordered) {
            if (cleared.contains(s.id())) {
                continue;
            }
            if (s instanceof ProbeResult p) {
                view.probeSeries.computeIfAbsent(p.seriesKey(), k -> new ArrayList<>()).add(p);
            } else if (s instanceof FaultReport r) {
                view.openReports.add(r);
            } else if (s instanceof IntegrityAlarm a) {
                view.openAlarms.add(a);
            } else if (s instanceof Diagnosis d) {
                if (d.explains().isEmpty()) {
                    view.standaloneDiagnoses.add(d);
                } else {
                    d.explains().forEach(id -> view.diagnosisOf.put(id, d)); // the latest diagnosis wins
                }
            }
        }
        return view;
    }

    /** IT's diagnosis of a report or alarm, if any holds. */
    Optional<Diagnosis> diagnosisOf(String signalId) {
        return Optional.ofNullable(diagnosisOf.get(signalId));
    }

    /** The diagnoses that explain open reports or alarms, each once, in time order. */
    List<Diagnosis> explainingDiagnoses() {
        Set<String> open = new HashSet<>();
        openReports.forEach(r -> open.add(r.id()));
        openAlarms.forEach(a -> open.add(a.id()));
        return diagnosisOf.entrySet().stream()
                .filter(e -> open.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .distinct()
                .sorted(Comparator.comparing(Diagnosis::at).thenComparing(Diagnosis::id))
                .toList();
    }

    /** A report's grade: its verified cause's class, or the symptom's provisional class. */
    FaultClass effectiveClass(FaultReport report) {
        return diagnosisOf(report.id()).map(d -> d.cause().faultClass())
                .orElse(report.symptom().provisionalClass());
    }

    boolean isDiagnosed(String signalId) {
        return diagnosisOf.containsKey(signalId);
    }

    Optional<Cause> causeOf(String signalId) {
        return diagnosisOf(signalId).map(Diagnosis::cause);
    }

    /** The down episodes of one probe series, in time order. */
    static List<Episode> episodes(List<ProbeResult> series) {
        List<Episode> episodes = new ArrayList<>();
        ProbeResult firstDown = null;
        for (ProbeResult p : series) {
            if (p.status() == ProbeStatus.DOWN && firstDown == null) {
                firstDown = p;
            } else if (p.status() == ProbeStatus.UP && firstDown != null) {
                episodes.add(new Episode(firstDown, Optional.of(p.at())));
                firstDown = null;
            }
        }
        if (firstDown != null) {
            episodes.add(new Episode(firstDown, Optional.empty()));
        }
        return episodes;
    }
}
