package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.hospital.continuity.playbooks.text.Bilingual;
import org.hospital.continuity.playbooks.text.Durations;

/**
 * The classification policies, one named constant per rule, each citing its clause. Every policy only looks
 * at what holds now ({@link SignalView}) and never at who reported (EP-4: by cause and nature).
 */
final class ClassificationPolicies {

    /** Finds the evidence for one rule. */
    interface Finder {
        List<Evidence> find(SignalView view, ClassifierSettings settings);
    }

    /** A rule and the code that applies it. */
    record Policy(ClassificationRule rule, Finder finder) {
    }

    // EP-4.1 / EP-4.4: a component that is down now is graded by what the plan calls its failure
    // (server down, network paralysed, part of the network unreachable, backup disk broken, insurance line).
    static final Policy COMPONENT_DOWN = new Policy(ClassificationRule.COMPONENT_DOWN, ClassificationPolicies::componentDown);

    // EP-4.1 服务器工作不稳定 / 有规律性: N separate failures within the window → Class I even while it is up.
    static final Policy COMPONENT_UNSTABLE = new Policy(ClassificationRule.COMPONENT_UNSTABLE, ClassificationPolicies::componentUnstable);

    // EP-4.1 价表目录被删除或修改 → Class I even while the network is up; EP-4.1 服务器数据丢失 → Class I;
    // EP-4.2 单个病人信息丢失 → Class II.
    static final Policy INTEGRITY_ALARM = new Policy(ClassificationRule.INTEGRITY_ALARM, ClassificationPolicies::integrityAlarms);

    // EP-3.2 IT verified the cause → the EP-4 table grades it (it replaces the symptom's provisional grade).
    static final Policy DIAGNOSED_CAUSE = new Policy(ClassificationRule.DIAGNOSED_CAUSE, ClassificationPolicies::diagnosedCauses);

    // EP-5 网络整体故障: reports of lost access from N buildings within the window → whole-network failure.
    static final Policy REPORTS_ACROSS_BUILDINGS = new Policy(ClassificationRule.REPORTS_ACROSS_BUILDINGS, ClassificationPolicies::reportsAcrossBuildings);

    // EP-4.1 有规律性的整体或局部故障: N terminals with Class II faults in one ward, subnet or building within the
    // window → Class I.
    static final Policy TERMINAL_PATTERN = new Policy(ClassificationRule.TERMINAL_PATTERN, ClassificationPolicies::terminalPatterns);

    // EP-4.1 重点终端故障 → Class I.
    static final Policy KEY_TERMINAL_REPORT = new Policy(ClassificationRule.KEY_TERMINAL_REPORT, ClassificationPolicies::keyTerminalReports);

    // EP-4.2 单个终端软硬件故障 (EP-4.4 for insurance symptoms): one open, unverified report → provisional grade.
    static final Policy SINGLE_REPORT = new Policy(ClassificationRule.SINGLE_REPORT, ClassificationPolicies::singleReports);

    /** Every policy, in the order of {@link ClassificationRule}. */
    static final List<Policy> ALL = List.of(COMPONENT_DOWN, COMPONENT_UNSTABLE, INTEGRITY_ALARM, DIAGNOSED_CAUSE,
            REPORTS_ACROSS_BUILDINGS, TERMINAL_PATTERN, KEY_TERMINAL_REPORT, SINGLE_REPORT);

    private ClassificationPolicies() {
    }

    private static List<Evidence> componentDown(SignalView view, ClassifierSettings settings) {
        List<Evidence> found = new ArrayList<>();
        view.probeSeries.values().forEach(series -> {
            ProbeResult last = series.get(series.size() - 1);
            if (last.status() != ProbeStatus.DOWN) {
                return;
            }
            List<SignalView.Episode> episodes = SignalView.episodes(series);
            ProbeResult firstDown = episodes.get(episodes.size() - 1).firstDown();
            Component component = last.component();
            Cause cause = component.downCause();
            String whole = component.downScope() == Scope.WHOLE_NETWORK ? "(EP-5 网络整体故障)" : "";
            String wholeEn = component.downScope() == Scope.WHOLE_NETWORK ? " (EP-5 whole-network failure)" : "";
            found.add(new Evidence(ClassificationRule.COMPONENT_DOWN, cause.clause(), cause.faultClass(),
                    component.downScope(), Optional.of(cause), List.of(firstDown.id()), firstDown.at(),
                    Bilingual.of(
                            component.zh() + " " + last.target() + " 中断 → " + cause.text().zh() + whole,
                            component.en() + " " + last.target() + " down → " + cause.text().en() + wholeEn)));
        });
        return found;
    }

    private static List<Evidence> componentUnstable(SignalView view, ClassifierSettings settings) {
        List<Evidence> found = new ArrayList<>();
        Instant windowStart = view.now.minus(settings.unstableWindow());
        view.probeSeries.values().forEach(series -> {
            List<SignalView.Episode> recent = SignalView.episodes(series).stream()
                    .filter(e -> e.ongoing() || e.endedAt().orElseThrow().isAfter(windowStart))
                    .toList();
            if (recent.size() < settings.unstableMinFailures()) {
                return;
            }
            ProbeResult first = recent.get(0).firstDown();
            Component component = first.component();
            Cause cause = component.unstableCause();
            String window = Durations.zh(settings.unstableWindow());
            String windowEn = Durations.en(settings.unstableWindow());
            found.add(new Evidence(ClassificationRule.COMPONENT_UNSTABLE, cause.clause(), cause.faultClass(),
                    component.downScope(), Optional.of(cause),
                    recent.stream().map(e -> e.firstDown().id()).toList(), first.at(),
                    Bilingual.of(
                            component.zh() + " " + first.target() + " 在" + window + "内中断" + recent.size() + "次 → " + cause.text().zh(),
                            component.en() + " " + first.target() + " failed " + recent.size() + " times within " + windowEn
                                    + " → " + cause.text().en())));
        });
        return found;
    }

    private static List<Evidence> integrityAlarms(SignalView view, ClassifierSettings settings) {
        List<Evidence> found = new ArrayList<>();
        for (IntegrityAlarm alarm : view.openAlarms) {
            if (view.isDiagnosed(alarm.id())) {
                continue; // DIAGNOSED_CAUSE grades it
            }
            Cause cause = alarm.kind().cause();
            boolean catalogue = cause == Cause.PRICE_CATALOGUE_ALTERED;
            found.add(new Evidence(ClassificationRule.INTEGRITY_ALARM, cause.clause(), cause.faultClass(), cause.scope(),
                    Optional.of(cause), List.of(alarm.id()), alarm.at(),
                    Bilingual.of(
                            alarm.kind().zh() + " → " + cause.text().zh() + (catalogue ? "(网络正常时亦为一类故障)" : ""),
                            alarm.kind().en() + " → " + cause.text().en() + (catalogue ? " (Class I even while the network is up)" : ""))));
        }
        return found;
    }

    private static List<Evidence> diagnosedCauses(SignalView view, ClassifierSettings settings) {
        List<Evidence> found = new ArrayList<>();
        Map<String, Instant> openTimes = new LinkedHashMap<>();
        view.openReports.forEach(r -> openTimes.put(r.id(), r.at()));
        view.openAlarms.forEach(a -> openTimes.put(a.id(), a.at()));
        for (Diagnosis d : view.explainingDiagnoses()) {
            List<String> explained = d.explains().stream()
                    .filter(openTimes::containsKey)
                    .filter(id -> view.diagnosisOf(id).orElseThrow() == d)
                    .toList();
            if (explained.isEmpty()) {
                continue;
            }
            Instant since = explained.stream().map(openTimes::get).min(Instant::compareTo).orElseThrow();
            List<String> ids = new ArrayList<>(explained);
            ids.add(d.id());
            found.add(diagnosed(d, ids, since, explained.size()));
        }
        for (Diagnosis d : view.standaloneDiagnoses) {
            found.add(diagnosed(d, List.of(d.id()), d.at(), 0));
        }
        return found;
    }

    /** The evidence line says how many signals the cause explains, never their machine ids (they are on screens). */
    private static Evidence diagnosed(Diagnosis d, List<String> ids, Instant since, int explained) {
        Cause cause = d.cause();
        String aboutZh = explained == 0 ? "" : "(解释 " + explained + " 条信号)";
        String aboutEn = explained == 0 ? "" : " (explains " + explained + (explained == 1 ? " signal)" : " signals)");
        return new Evidence(ClassificationRule.DIAGNOSED_CAUSE, cause.clause(), cause.faultClass(), cause.scope(),
                Optional.of(cause), ids, since,
                Bilingual.of(
                        "信息科核实原因(" + d.by() + "): " + cause.text().zh() + aboutZh,
                        "cause verified by IT (" + d.by() + "): " + cause.text().en() + aboutEn));
    }

    private static List<Evidence> reportsAcrossBuildings(SignalView view, ClassifierSettings settings) {
        List<FaultReport> candidates = view.openReports.stream()
                .filter(r -> r.symptom().lossOfAccess())
                .filter(r -> r.terminal().building() != null)
                .filter(r -> {
                    FaultClass c = view.effectiveClass(r);
                    return c == FaultClass.CLASS_I || c == FaultClass.CLASS_II;
                })
                .toList();
        List<FaultReport> members = clustered(candidates, settings.wholeNetworkWindow(),
                r -> r.terminal().building(), settings.wholeNetworkMinBuildings());
        if (members.isEmpty()) {
            return List.of();
        }
        Set<String> buildings = new LinkedHashSet<>();
        members.forEach(r -> buildings.add(r.terminal().building()));
        Cause cause = Cause.NETWORK_PARALYSED;
        String window = Durations.zh(settings.wholeNetworkWindow());
        String windowEn = Durations.en(settings.wholeNetworkWindow());
        return List.of(new Evidence(ClassificationRule.REPORTS_ACROSS_BUILDINGS, cause.clause(), cause.faultClass(),
                Scope.WHOLE_NETWORK, Optional.of(cause), ids(members), members.get(0).at(),
                Bilingual.of(
                        buildings.size() + "个楼宇(" + String.join("、", buildings) + ")的终端在" + window
                                + "内报告无法访问系统 → " + cause.text().zh() + "(EP-5 网络整体故障)",
                        "terminals in " + buildings.size() + " buildings (" + String.join(", ", buildings)
                                + ") lost access within " + windowEn + " → " + cause.text().en()
                                + " (EP-5 whole-network failure)")));
    }

    /** The kinds of area a pattern of terminal faults is looked for in, most specific first. */
    private enum Area {
        WARD("病区", "ward", t -> t.ward()),
        SUBNET("子网", "subnet", t -> t.subnet()),
        BUILDING("楼宇", "building", t -> t.building());

        final String zh;
        final String en;
        final Function<Terminal, String> of;

        Area(String zh, String en, Function<Terminal, String> of) {
            this.zh = zh;
            this.en = en;
            this.of = of;
        }
    }

    private static List<Evidence> terminalPatterns(SignalView view, ClassifierSettings settings) {
        List<FaultReport> candidates = view.openReports.stream()
                .filter(r -> view.effectiveClass(r) == FaultClass.CLASS_II)
                .toList();
        List<Evidence> found = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        Cause cause = Cause.RECURRING_FAILURE;
        for (Area area : Area.values()) {
            Map<String, List<FaultReport>> byArea = new LinkedHashMap<>();
            candidates.stream()
                    .filter(r -> area.of.apply(r.terminal()) != null)
                    .forEach(r -> byArea.computeIfAbsent(area.of.apply(r.terminal()), k -> new ArrayList<>()).add(r));
            byArea.forEach((name, reports) -> {
                List<FaultReport> members = clustered(reports, settings.patternWindow(), r -> r.terminal().id(),
                        settings.patternMinTerminals());
                if (members.isEmpty() || !seen.add(ids(members))) {
                    return;
                }
                long terminals = members.stream().map(r -> r.terminal().id()).distinct().count();
                String window = Durations.zh(settings.patternWindow());
                String windowEn = Durations.en(settings.patternWindow());
                found.add(new Evidence(ClassificationRule.TERMINAL_PATTERN, cause.clause(), cause.faultClass(),
                        Scope.PARTIAL, Optional.of(cause), ids(members), members.get(0).at(),
                        Bilingual.of(
                                area.zh + " " + name + " 的" + terminals + "台终端在" + window + "内报告故障 → " + cause.text().zh(),
                                terminals + " terminals in " + area.en + " " + name + " reported faults within " + windowEn
                                        + " → " + cause.text().en())));
            });
        }
        return found;
    }

    private static List<Evidence> keyTerminalReports(SignalView view, ClassifierSettings settings) {
        Cause cause = Cause.KEY_TERMINAL_DOWN;
        return view.openReports.stream()
                .filter(r -> !view.isDiagnosed(r.id()))
                .filter(r -> settings.keyTerminals().contains(r.terminal().id()))
                .map(r -> new Evidence(ClassificationRule.KEY_TERMINAL_REPORT, cause.clause(), cause.faultClass(),
                        cause.scope(), Optional.of(cause), List.of(r.id()), r.at(),
                        Bilingual.of(
                                "重点终端 " + r.terminal().id() + " 报告: " + r.symptom().zh() + " → " + cause.text().zh(),
                                "key terminal " + r.terminal().id() + " reports: " + r.symptom().en() + " → " + cause.text().en())))
                .toList();
    }

    private static List<Evidence> singleReports(SignalView view, ClassifierSettings settings) {
        return view.openReports.stream()
                .filter(r -> !view.isDiagnosed(r.id()))
                .filter(r -> !settings.keyTerminals().contains(r.terminal().id()))
                .map(r -> {
                    FaultClass provisional = r.symptom().provisionalClass();
                    return new Evidence(ClassificationRule.SINGLE_REPORT, provisional.clause(), provisional,
                            r.symptom().provisionalScope(), Optional.empty(), List.of(r.id()), r.at(),
                            Bilingual.of(
                                    "终端 " + r.terminal().id() + "(" + r.terminal().department().zh() + ")报告: "
                                            + r.symptom().zh() + ",暂定,待信息科核实原因(EP-3.2)",
                                    "terminal " + r.terminal().id() + " (" + r.terminal().department().en() + ") reports: "
                                            + r.symptom().en() + "; provisional until IT verifies the cause (EP-3.2)"));
                })
                .toList();
    }

    /**
     * The reports that belong to some window of {@code window} length (inclusive) holding at least
     * {@code minDistinct} distinct values of {@code key}; in time order.
     */
    private static List<FaultReport> clustered(List<FaultReport> reports, java.time.Duration window,
                                               Function<FaultReport, String> key, int minDistinct) {
        List<FaultReport> sorted = reports.stream().sorted(Comparator.comparing(FaultReport::at)).toList();
        Set<FaultReport> members = new LinkedHashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Instant end = sorted.get(i).at().plus(window);
            List<FaultReport> inWindow = new ArrayList<>();
            for (int j = i; j < sorted.size() && !sorted.get(j).at().isAfter(end); j++) {
                inWindow.add(sorted.get(j));
            }
            if (inWindow.stream().map(key).distinct().count() >= minDistinct) {
                members.addAll(inWindow);
            }
        }
        return sorted.stream().filter(members::contains).toList();
    }

    private static List<String> ids(List<FaultReport> reports) {
        return reports.stream().map(FaultReport::id).toList();
    }
}
