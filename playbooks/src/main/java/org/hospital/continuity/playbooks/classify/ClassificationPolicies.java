package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.text.Bilingual;
import org.hospital.continuity.playbooks.text.Durations;

/**
 * The classification policies, one named constant per rule, each citing its clause. Every policy only looks
 * at what holds now ({@link Facts}, the probes' {@link Health}) and never at who reported (EP-4: by cause and
 * nature). Each reads aggregates, so a grade costs the same with ten reports or ten thousand.
 */
final class ClassificationPolicies {

    /** What a policy reads. */
    record View(Facts facts, Health health, Instant now, ClassifierSettings settings) {
    }

    /** Finds the evidence for one rule. */
    interface Finder {
        List<Evidence> find(View view);
    }

    /** A rule and the code that applies it. */
    record Policy(ClassificationRule rule, Finder finder) {
    }

    // EP-4.1 / EP-4.4: a component in outage is graded by what the plan calls its failure (server down, network
    // paralysed, part of the network unreachable, backup disk broken, insurance line). The outage follows the
    // component's clock (Series): it ends when the component is back, unless it flaps and was down more than up.
    static final Policy COMPONENT_DOWN = new Policy(ClassificationRule.COMPONENT_DOWN, ClassificationPolicies::componentDown);

    // EP-4.1 服务器工作不稳定 / 有规律性: N separate failures within the window → Class I, partial (the plan's
    // "server unstable"), even while it is up; not an outage: the ladder does not run on it.
    static final Policy COMPONENT_UNSTABLE = new Policy(ClassificationRule.COMPONENT_UNSTABLE, ClassificationPolicies::componentUnstable);

    // EP-4.1 价表目录被删除或修改 → Class I even while the network is up; EP-4.1 服务器数据丢失 → Class I;
    // EP-4.2 单个病人信息丢失 → Class II.
    static final Policy INTEGRITY_ALARM = new Policy(ClassificationRule.INTEGRITY_ALARM, ClassificationPolicies::integrityAlarms);

    // EP-3.2 IT verified the cause → the EP-4 table grades it (it replaces the symptom's provisional grade).
    static final Policy DIAGNOSED_CAUSE = new Policy(ClassificationRule.DIAGNOSED_CAUSE, ClassificationPolicies::diagnosedCauses);

    // EP-5 网络整体故障: reports of lost access from N buildings within the window → whole-network failure, but
    // only while no probe shows the HIS up; with the database, application server and core network answering the
    // reports point at something smaller, and the evidence says so.
    static final Policy REPORTS_ACROSS_BUILDINGS = new Policy(ClassificationRule.REPORTS_ACROSS_BUILDINGS, ClassificationPolicies::reportsAcrossBuildings);

    // EP-4.1 有规律性的整体或局部故障: N terminals with Class II faults in one ward, subnet or building within the
    // window → Class I (until confirmWindow after the latest report, unless a probe or IT confirms it).
    static final Policy TERMINAL_PATTERN = new Policy(ClassificationRule.TERMINAL_PATTERN, ClassificationPolicies::terminalPatterns);

    // EP-4.1 重点终端故障 → Class I (until confirmWindow after its latest report, unless confirmed).
    static final Policy KEY_TERMINAL_REPORT = new Policy(ClassificationRule.KEY_TERMINAL_REPORT, ClassificationPolicies::keyTerminalReports);

    // EP-4.2 单个终端软硬件故障 (EP-4.4 for insurance symptoms): open, unverified reports → provisional grade for
    // reportLifetime after the latest; then EP-4.3 Class III (the system administrator checks and logs, EP-4.7)
    // until reportExpiry.
    static final Policy SINGLE_REPORT = new Policy(ClassificationRule.SINGLE_REPORT, ClassificationPolicies::singleReports);

    /** Every policy, in the order of {@link ClassificationRule}. */
    static final List<Policy> ALL = List.of(COMPONENT_DOWN, COMPONENT_UNSTABLE, INTEGRITY_ALARM, DIAGNOSED_CAUSE,
            REPORTS_ACROSS_BUILDINGS, TERMINAL_PATTERN, KEY_TERMINAL_REPORT, SINGLE_REPORT);

    private ClassificationPolicies() {
    }

    private static List<Evidence> componentDown(View view) {
        List<Evidence> found = new ArrayList<>();
        for (Series s : view.facts().series()) {
            if (!s.inOutage()) {
                continue;
            }
            Series.Outage outage = s.outage().orElseThrow();
            Component component = s.component();
            Cause cause = component.downCause();
            Scope scope = component.downScope();
            String where = s.area().map(a -> " @" + a.name().zh()).orElse("");
            String whereEn = s.area().map(a -> " @" + a.name().en()).orElse("");
            StringBuilder zh = new StringBuilder(component.zh() + " " + s.target() + where + " 中断 → " + cause.text().zh());
            StringBuilder en = new StringBuilder(component.en() + " " + s.target() + whereEn + " down → " + cause.text().en());
            if (scope == Scope.WHOLE_NETWORK) {
                zh.append("(EP-5 网络整体故障)");
                en.append(" (EP-5 whole-network failure)");
            } else if (s.area().isPresent() && scope == Scope.PARTIAL) {
                zh.append("(该区域网络中断)");
                en.append(" (this area cut off)");
            }
            if (outage.held()) {
                int n = s.recentFailures(view.now(), view.settings().unstableWindow()).size();
                String w = Durations.zh(view.settings().unstableWindow());
                String wEn = Durations.en(view.settings().unstableWindow());
                zh.append(";已恢复应答,但").append(w).append("内中断").append(n).append("次且中断时间多于正常时间,停机计时继续,直至正常时间多于中断时间(EP-4.1 工作不稳定)");
                en.append("; answering again, but it failed ").append(n).append(" times within ").append(wEn)
                        .append(" and was down more than up: the outage clock continues until it has been up more than down (EP-4.1 unstable)");
            }
            if (outage.start().isBefore(s.statusSince()) && !outage.held() && s.episodes().size() > 1) {
                zh.append(";窗口内中断时间多于正常时间,停机计时从首次中断继续");
                en.append("; down more than up within the window: the outage clock continues from the first failure");
            }
            int explained = view.facts().explained.lookup(s.key()).orElse(0);
            if (explained > 0) {
                zh.append(";可解释").append(explained).append("份故障报告");
                en.append("; explains ").append(explained).append(explained == 1 ? " fault report" : " fault reports");
            }
            found.add(new Evidence(ClassificationRule.COMPONENT_DOWN, cause.clause(), cause.faultClass(), scope,
                    Optional.of(cause), List.of(outage.firstDownId()), outage.start(), Bilingual.of(zh.toString(), en.toString()),
                    s.area()));
        }
        return found;
    }

    private static List<Evidence> componentUnstable(View view) {
        List<Evidence> found = new ArrayList<>();
        ClassifierSettings settings = view.settings();
        for (Series s : view.facts().series()) {
            List<Series.Episode> recent = s.recentFailures(view.now(), settings.unstableWindow());
            if (recent.size() < settings.unstableMinFailures()) {
                continue;
            }
            Component component = s.component();
            Cause cause = component.unstableCause();
            String window = Durations.zh(settings.unstableWindow());
            String windowEn = Durations.en(settings.unstableWindow());
            found.add(new Evidence(ClassificationRule.COMPONENT_UNSTABLE, cause.clause(), cause.faultClass(),
                    cause.scope(), Optional.of(cause), recent.stream().map(Series.Episode::firstDownId).toList(),
                    recent.get(0).down(),
                    Bilingual.of(
                            component.zh() + " " + s.target() + " 在" + window + "内中断" + recent.size() + "次 → " + cause.text().zh(),
                            component.en() + " " + s.target() + " failed " + recent.size() + " times within " + windowEn
                                    + " → " + cause.text().en()),
                    s.area()));
        }
        return found;
    }

    private static List<Evidence> integrityAlarms(View view) {
        List<Evidence> found = new ArrayList<>();
        for (IntegrityAlarm alarm : view.facts().alarms()) {
            if (view.facts().alarmVerifiedBy.containsKey(alarm.id())) {
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

    private static List<Evidence> diagnosedCauses(View view) {
        List<Evidence> found = new ArrayList<>();
        Facts facts = view.facts();
        for (Facts.DiagnosisFact df : facts.diagnoses.values()) {
            List<String> explained = facts.explainedBy(df.diagnosis().id());
            if (!df.diagnosis().explains().isEmpty() && explained.isEmpty()) {
                continue;
            }
            Instant since = df.diagnosis().at();
            for (String id : explained) {
                Facts.ReportFact r = facts.reports.get(id);
                Instant at = r != null ? r.report().at() : facts.alarms.get(id).at();
                since = at.isBefore(since) ? at : since;
            }
            List<String> ids = new ArrayList<>(explained.size() > Facts.SAMPLE ? explained.subList(0, Facts.SAMPLE) : explained);
            ids.add(df.diagnosis().id());
            Cause cause = df.diagnosis().cause();
            // how many signals the cause explains, never their machine ids (the text is read on the board)
            String about = explained.isEmpty() ? "" : "(解释 " + explained.size() + " 条信号)";
            String aboutEn = explained.isEmpty() ? "" : " (explains " + explained.size() + (explained.size() == 1 ? " signal)" : " signals)");
            Optional<Area> reach = df.areaIn(facts);
            String where = reach.map(a -> " @" + a.name().zh()).orElse("");
            String whereEn = reach.map(a -> " @" + a.name().en()).orElse("");
            String subject = df.subjects().isEmpty() ? "" : ";" + String.join("、", df.subjects().stream()
                    .map(k -> subjectName(facts, k).zh()).toList()) + "恢复时结束";
            String subjectEn = df.subjects().isEmpty() ? "" : "; ends when " + String.join(" and ", df.subjects().stream()
                    .map(k -> subjectName(facts, k).en()).toList()) + " recovers";
            Optional<Area> area = cause.scope() == Scope.PARTIAL ? reach : Optional.empty();
            found.add(new Evidence(ClassificationRule.DIAGNOSED_CAUSE, cause.clause(), cause.faultClass(), cause.scope(),
                    Optional.of(cause), ids, since,
                    Bilingual.of(
                            "信息科核实原因(" + df.diagnosis().by() + "): " + cause.text().zh() + where + about + subject,
                            "cause verified by IT (" + df.diagnosis().by() + "): " + cause.text().en() + whereEn + aboutEn + subjectEn),
                    area));
        }
        return grouped(found);
    }

    /**
     * Diagnoses of the same cause in the same place make one finding (so the evidence stays short however many
     * diagnoses IT recorded); a lone diagnosis keeps its own words.
     */
    private static List<Evidence> grouped(List<Evidence> diagnosed) {
        java.util.Map<String, List<Evidence>> groups = new java.util.LinkedHashMap<>();
        for (Evidence e : diagnosed) {
            groups.computeIfAbsent(e.cause().orElseThrow().name() + "|" + e.area().map(Area::path).orElse(""), k -> new ArrayList<>()).add(e);
        }
        List<Evidence> out = new ArrayList<>();
        for (List<Evidence> g : groups.values()) {
            if (g.size() == 1) {
                out.add(g.get(0));
                continue;
            }
            Evidence first = g.get(0);
            Cause cause = first.cause().orElseThrow();
            Instant since = g.stream().map(Evidence::since).min(Instant::compareTo).orElseThrow();
            List<String> ids = g.stream().flatMap(e -> e.signalIds().stream()).distinct().limit(2L * Facts.SAMPLE).toList();
            String where = first.area().map(a -> " @" + a.name().zh()).orElse("");
            String whereEn = first.area().map(a -> " @" + a.name().en()).orElse("");
            out.add(new Evidence(ClassificationRule.DIAGNOSED_CAUSE, cause.clause(), cause.faultClass(), cause.scope(), first.cause(),
                    ids, since,
                    Bilingual.of("信息科核实原因" + g.size() + "次: " + cause.text().zh() + where,
                            "cause verified by IT " + g.size() + " times: " + cause.text().en() + whereEn),
                    first.area()));
        }
        return out;
    }

    private static Bilingual subjectName(Facts facts, String seriesKey) {
        Series s = facts.series(seriesKey);
        if (s != null) {
            return Bilingual.of(s.component().zh() + " " + s.target(), s.component().en() + " " + s.target());
        }
        String[] parts = seriesKey.split("/", 2);
        Optional<Component> c = java.util.Arrays.stream(Component.values()).filter(x -> x.name().equals(parts[0])).findFirst();
        String target = parts.length > 1 ? parts[1] : "";
        return c.map(x -> Bilingual.of(x.zh() + " " + target, x.en() + " " + target)).orElse(Bilingual.of(seriesKey, seriesKey));
    }

    private static List<Evidence> reportsAcrossBuildings(View view) {
        ClassifierSettings settings = view.settings();
        Facts.Tracker tracker = view.facts().trackers.get(Facts.ACCESS);
        if (tracker == null || tracker.found().isEmpty()) {
            return List.of();
        }
        Facts.Found found = tracker.found().get();
        if (found.members().size() < settings.wholeNetworkMinBuildings()
                || !view.now().isBefore(found.newest().plus(settings.confirmWindow()))) {
            return List.of();
        }
        List<String> buildings = found.members().keys().stream().sorted().toList();
        List<String> ids = found.members().values().stream().sorted(Comparator.comparing(Facts.Mark::at)
                .thenComparing(Facts.Mark::reportId)).map(Facts.Mark::reportId).toList();
        String window = Durations.zh(settings.wholeNetworkWindow());
        String windowEn = Durations.en(settings.wholeNetworkWindow());
        String names = String.join("、", buildings);
        String namesEn = String.join(", ", buildings);
        if (view.health().hisUp()) {
            Bilingual up = view.health().hisWideUpNames();
            return List.of(new Evidence(ClassificationRule.REPORTS_ACROSS_BUILDINGS, "EP-5", FaultClass.CLASS_II, Scope.LOCAL,
                    Optional.empty(), ids, found.since(),
                    Bilingual.of(
                            buildings.size() + "栋楼(" + names + ")在" + window + "内报告无法访问,但" + up.zh()
                                    + "探测正常 → 不是网络整体故障(EP-5),故障在各报告处或其所用的部件",
                            "lost access reported in " + buildings.size() + " buildings (" + namesEn + ") within " + windowEn + ", but "
                                    + up.en() + " answer → not a whole-network failure (EP-5): the fault lies where they report or in a part they use")));
        }
        Cause cause = Cause.NETWORK_PARALYSED;
        return List.of(new Evidence(ClassificationRule.REPORTS_ACROSS_BUILDINGS, cause.clause(), cause.faultClass(),
                Scope.WHOLE_NETWORK, Optional.of(cause), ids, found.since(),
                Bilingual.of(
                        buildings.size() + "栋楼(" + names + ")在" + window + "内报告无法访问 → " + cause.text().zh()
                                + "(EP-5 网络整体故障,待探测或信息科确认)",
                        "lost access reported in " + buildings.size() + " buildings (" + namesEn + ") within " + windowEn + " → "
                                + cause.text().en() + " (EP-5 whole-network failure, to be confirmed by a probe or IT)")));
    }

    /** Patterns are listed one by one up to this many (the most recent first); the rest make one line. */
    static final int LISTED_PATTERNS = 10;

    private static List<Evidence> terminalPatterns(View view) {
        ClassifierSettings settings = view.settings();
        List<Facts.Tracker> holding = new ArrayList<>();
        view.facts().trackers.forEach((key, tracker) -> {
            if (!key.equals(Facts.ACCESS) && tracker.found().isPresent()) {
                Facts.Found f = tracker.found().get();
                if (f.members().size() >= settings.patternMinTerminals() && view.now().isBefore(f.newest().plus(settings.confirmWindow()))) {
                    holding.add(tracker);
                }
            }
        });
        if (holding.isEmpty()) {
            return List.of();
        }
        // the narrowest place first: a ward, then a subnet, then a building; the same reports make one finding
        holding.sort(Comparator.comparingInt((Facts.Tracker t) -> rank(t.key())).thenComparing(Facts.Tracker::key));
        List<Evidence> found = new ArrayList<>();
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (Facts.Tracker tracker : holding) {
            Facts.Found f = tracker.found().get();
            List<String> ids = f.members().values().stream().sorted(Comparator.comparing(Facts.Mark::at)
                    .thenComparing(Facts.Mark::reportId)).map(Facts.Mark::reportId).toList();
            if (!seen.add(ids)) {
                continue;
            }
            String key = tracker.key();
            String kind = key.substring(0, key.indexOf(':'));
            String name = key.substring(key.indexOf(':') + 1);
            if (kind.equals("ward")) {
                name = name.substring(name.lastIndexOf('/') + 1);
            }
            String kindZh = switch (kind) {
                case "ward" -> "病区";
                case "subnet" -> "网段";
                default -> "楼宇";
            };
            Cause cause = Cause.RECURRING_FAILURE;
            String window = Durations.zh(settings.patternWindow());
            String windowEn = Durations.en(settings.patternWindow());
            int terminals = Math.max(f.count(), f.members().size());
            found.add(new Evidence(ClassificationRule.TERMINAL_PATTERN, cause.clause(), cause.faultClass(),
                    Scope.PARTIAL, Optional.of(cause), ids, f.since(),
                    Bilingual.of(
                            kindZh + " " + name + " 的" + terminals + "台终端在" + window + "内报告故障 → " + cause.text().zh() + "(待探测或信息科确认)",
                            terminals + " terminals in " + kind + " " + name + " reported faults within " + windowEn
                                    + " → " + cause.text().en() + " (to be confirmed by a probe or IT)"),
                    tracker.area()));
        }
        if (found.size() <= LISTED_PATTERNS) {
            return found;
        }
        // many places at once: the most recent listed, the others in one line (the class and scope are the same)
        found.sort(Comparator.comparing(Evidence::since).reversed().thenComparing(Evidence::key));
        List<Evidence> listed = new ArrayList<>(found.subList(0, LISTED_PATTERNS));
        List<Evidence> rest = found.subList(LISTED_PATTERNS, found.size());
        Cause cause = Cause.RECURRING_FAILURE;
        listed.add(new Evidence(ClassificationRule.TERMINAL_PATTERN, cause.clause(), cause.faultClass(), Scope.PARTIAL, Optional.of(cause),
                rest.stream().flatMap(e -> e.signalIds().stream().limit(1)).limit(Facts.SAMPLE).toList(),
                rest.stream().map(Evidence::since).min(Instant::compareTo).orElseThrow(),
                Bilingual.of("另有" + rest.size() + "处同一区域多终端故障 → " + cause.text().zh(),
                        rest.size() + " more places with faults on several terminals → " + cause.text().en())));
        return listed;
    }

    private static int rank(String trackerKey) {
        return trackerKey.startsWith("ward:") ? 0 : trackerKey.startsWith("subnet:") ? 1 : 2;
    }

    private static List<Evidence> keyTerminalReports(View view) {
        Cause cause = Cause.KEY_TERMINAL_DOWN;
        List<Evidence> found = new ArrayList<>();
        for (String key : view.facts().tallies.keys().stream().filter(k -> k.startsWith(Facts.KEY)).sorted().toList()) {
            Facts.Tally t = view.facts().tallies.get(key);
            if (!view.now().isBefore(t.newest().plus(view.settings().confirmWindow()))) {
                continue;
            }
            FaultReport latest = view.facts().reports.get(t.latest().get(t.latest().size() - 1)).report();
            found.add(new Evidence(ClassificationRule.KEY_TERMINAL_REPORT, cause.clause(), cause.faultClass(),
                    cause.scope(), Optional.of(cause), t.latest(), latest.at(),
                    Bilingual.of(
                            "重点终端 " + latest.terminal().id() + " 报告: " + latest.symptom().zh() + " → " + cause.text().zh(),
                            "key terminal " + latest.terminal().id() + " reports: " + latest.symptom().en() + " → " + cause.text().en())));
        }
        return found;
    }

    private static List<Evidence> singleReports(View view) {
        ClassifierSettings settings = view.settings();
        List<Evidence> found = new ArrayList<>();
        for (String group : List.of(Facts.CLASS_II, Facts.INSURANCE)) {
            Facts.Tally t = view.facts().tallies.get(group);
            if (t == null) {
                continue;
            }
            Instant aged = t.newest().plus(settings.reportLifetime());
            Instant gone = t.newest().plus(settings.reportExpiry());
            if (!view.now().isBefore(gone)) {
                continue;
            }
            FaultReport latest = view.facts().reports.get(t.latest().get(t.latest().size() - 1)).report();
            Instant since = view.facts().reports.get(t.latest().get(0)).report().at();
            String who = latest.terminal().id() + "(" + latest.terminal().department().zh() + ")";
            String whoEn = latest.terminal().id() + " (" + latest.terminal().department().en() + ")";
            String count = t.count() == 1 ? "终端 " + who + "报告: " + latest.symptom().zh()
                    : t.count() + "份故障报告,最近: 终端 " + who + " " + latest.symptom().zh();
            String countEn = t.count() == 1 ? "terminal " + whoEn + " reports: " + latest.symptom().en()
                    : t.count() + " fault reports, latest: terminal " + whoEn + " " + latest.symptom().en();
            if (view.now().isBefore(aged)) {
                FaultClass provisional = latest.symptom().provisionalClass();
                found.add(new Evidence(ClassificationRule.SINGLE_REPORT, provisional.clause(), provisional,
                        latest.symptom().provisionalScope(), Optional.empty(), t.latest(), since,
                        Bilingual.of(count + ",暂定,待信息科核实原因(EP-3.2)",
                                countEn + "; provisional until IT verifies the cause (EP-3.2)")));
            } else {
                String life = Durations.zh(settings.reportLifetime());
                String lifeEn = Durations.en(settings.reportLifetime());
                found.add(new Evidence(ClassificationRule.SINGLE_REPORT, FaultClass.CLASS_III.clause(), FaultClass.CLASS_III,
                        Scope.LOCAL, Optional.empty(), t.latest(), since,
                        Bilingual.of(count + ";" + life + "内无探测或信息科核实 → 三类故障,由系统管理员与工作站核实并记录(EP-4.3、EP-4.7)",
                                countEn + "; neither a probe nor IT confirmed it within " + lifeEn
                                        + " → Class III: the system administrator checks with the workstation and logs it (EP-4.3, EP-4.7)")));
            }
        }
        return found;
    }

    /** When a finding read here changes without a new signal. */
    static Optional<Instant> nextChange(Facts facts, Instant now, ClassifierSettings settings) {
        List<Instant> times = new ArrayList<>();
        for (Series s : facts.series()) {
            s.nextChange(now, settings.unstableMinFailures(), settings.unstableWindow()).ifPresent(times::add);
        }
        facts.trackers.forEach((k, t) -> t.found().ifPresent(f -> times.add(f.newest().plus(settings.confirmWindow()))));
        facts.diagnoses.forEach((id, d) -> {
            if (facts.expires(d)) {
                times.add(d.diagnosis().at().plus(settings.reportExpiry()));
            }
        });
        facts.tallies.forEach((k, t) -> {
            if (k.startsWith(Facts.KEY)) {
                times.add(t.newest().plus(settings.confirmWindow()));
            } else {
                times.add(t.newest().plus(settings.reportLifetime()));
                times.add(t.oldest().plus(settings.reportExpiry()));
            }
        });
        return times.stream().filter(t -> t.isAfter(now)).min(Instant::compareTo);
    }
}
