package org.hospital.continuity.playbooks.classify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.collect.PMap;
import org.hospital.continuity.playbooks.collect.PQueue;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Terminal;

/**
 * What holds in one incident, kept up to date signal by signal: the probe series with their outage clocks, the
 * open alarms, IT's diagnoses, the open reports and the tallies the report rules read. Immutable; each change
 * returns new facts that share what did not change ({@link PMap}), so folding n signals costs O(n log n) and a
 * grade is read in time that does not grow with the number of reports.
 *
 * <p>Every finding has a lifetime (docs/playbooks.md, "Evidence and its lifetime"):
 * <ul>
 *   <li>a probed component's outage follows its {@linkplain Series outage clock};</li>
 *   <li>a report the outage of a probed component explains (lost access while the database is down) closes when
 *   that outage ends;</li>
 *   <li>IT's diagnosis closes when the component it is about recovers, when the reports it explains close, or
 *   when IT clears it; the reports it verified close with it;</li>
 *   <li>unverified reports: a Class I they make together (a pattern, many buildings, a key terminal) holds for
 *   {@code confirmWindow} after their latest report unless a probe or IT confirms it; alone they are Class II
 *   (insurance: an insurance fault) for {@code reportLifetime}, then Class III, and after {@code reportExpiry}
 *   they are no longer evidence.</li>
 * </ul>
 */
public final class Facts {

    /** What became of a report. */
    public enum ReportStatus {
        /** Nobody has confirmed or explained it yet: its grade is provisional (EP-3.2). */
        UNVERIFIED,
        /** A probed component's outage explains it; it closes with that outage. */
        EXPLAINED,
        /** IT verified its cause (a diagnosis); it closes with the diagnosis. */
        VERIFIED
    }

    /**
     * An open report.
     *
     * @param report the report
     * @param status what became of it
     * @param by     the series that explains it or the diagnosis that verified it; empty while unverified
     */
    public record ReportFact(FaultReport report, ReportStatus status, String by) {
        public ReportFact {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(status, "status");
            by = by == null ? "" : by;
        }
    }

    /**
     * An open diagnosis.
     *
     * @param diagnosis IT's diagnosis
     * @param subjects  the series it is about and that have not recovered since: the component it names, the
     *                  probes it explains, the components whose outage explained the reports it explains, else the
     *                  component in outage whose failure its cause describes
     * @param area      the area IT says the fault cuts off, if it named one (else the area of its first subject applies)
     * @param upOnly    subjects that were not in outage when IT diagnosed them: they count as recovered when
     *                  next seen up
     */
    public record DiagnosisFact(Diagnosis diagnosis, List<String> subjects, Optional<Area> area, List<String> upOnly) {
        public DiagnosisFact {
            Objects.requireNonNull(diagnosis, "diagnosis");
            subjects = List.copyOf(subjects);
            Objects.requireNonNull(area, "area");
            upOnly = List.copyOf(upOnly);
        }

        /** The area the fault cuts off: the one IT named, else that of the first component it is about. */
        public Optional<Area> areaIn(Facts facts) {
            if (area.isPresent()) {
                return area;
            }
            return subjects.stream().map(facts::series).filter(Objects::nonNull).flatMap(s -> s.area().stream()).findFirst();
        }

        /** The first subject, if any. */
        public Optional<String> subject() {
            return subjects.stream().findFirst();
        }

        DiagnosisFact without(String seriesKey) {
            return new DiagnosisFact(diagnosis, subjects.stream().filter(k -> !k.equals(seriesKey)).toList(), area,
                    upOnly.stream().filter(k -> !k.equals(seriesKey)).toList());
        }
    }

    /**
     * Unverified reports of one kind, by the time they were filed: how many, the latest, the ids of the latest
     * few; the earliest expire first.
     *
     * @param members (filed at, report id) of every open unverified report of the kind
     */
    public record Tally(PQueue members) {
        public Tally {
            Objects.requireNonNull(members, "members");
        }

        /** How many are open. */
        public int count() {
            return members.size();
        }

        /** The latest report's time (the group ages from it). */
        public Instant newest() {
            return members.last().orElseThrow().at();
        }

        /** The earliest report's time (it expires first). */
        public Instant oldest() {
            return members.first().orElseThrow().at();
        }

        /** The ids of up to {@link #SAMPLE} latest, oldest first. */
        public List<String> latest() {
            return members.latest(SAMPLE).stream().map(PQueue.Entry::key).toList();
        }
    }

    /**
     * One report's mark in a tracker.
     *
     * @param at       when it was filed
     * @param reportId the report
     */
    public record Mark(Instant at, String reportId) {
    }

    /**
     * Looks for a cluster of reports in one place (EP-4.1 pattern: terminals in a ward, subnet or building) or
     * across buildings (EP-5): distinct keys (terminals, buildings) with reports within a window.
     *
     * @param key    {@code ward:B/3/5A}, {@code subnet:10.3.1.0/24}, {@code building:B} or {@code access}
     * @param area   the area of a ward or building tracker
     * @param recent the latest report per distinct key within the window before the latest report
     * @param found  the cluster found, if any
     */
    public record Tracker(String key, Optional<Area> area, PMap<String, Mark> recent, Optional<Found> found) {
    }

    /**
     * A cluster found by a tracker.
     *
     * @param since   its first report
     * @param newest  its latest report (it ages from there)
     * @param members the latest report per distinct key in it, the latest {@link #MAX_MEMBERS} at most
     * @param count   how many distinct keys joined it (may count a key again that was left out of {@code members})
     */
    public record Found(Instant since, Instant newest, PMap<String, Mark> members, int count) {
    }

    /** How many members a cluster keeps by name (the count goes on); enough to list and to hold it. */
    public static final int MAX_MEMBERS = 2 * 10;

    /** How many report ids an evidence line lists; its explanation gives the count. */
    public static final int SAMPLE = 10;

    static final String ACCESS = "access";
    static final String CLASS_II = "CLASS_II";
    static final String INSURANCE = "INSURANCE";
    static final String KEY = "KEY:";

    private static final Facts EMPTY = new Facts(PMap.empty(), PMap.empty(), PMap.empty(), PMap.empty(), PMap.empty(),
            PMap.empty(), PMap.empty(), PMap.empty());

    final PMap<String, Series> series;
    final PMap<String, IntegrityAlarm> alarms;
    final PMap<String, String> alarmVerifiedBy;
    final PMap<String, DiagnosisFact> diagnoses;
    final PMap<String, ReportFact> reports;
    final PMap<String, Tally> tallies;
    final PMap<String, Tracker> trackers;
    final PMap<String, Integer> explained;

    Facts(PMap<String, Series> series, PMap<String, IntegrityAlarm> alarms, PMap<String, String> alarmVerifiedBy,
          PMap<String, DiagnosisFact> diagnoses, PMap<String, ReportFact> reports, PMap<String, Tally> tallies,
          PMap<String, Tracker> trackers, PMap<String, Integer> explained) {
        this.series = series;
        this.alarms = alarms;
        this.alarmVerifiedBy = alarmVerifiedBy;
        this.diagnoses = diagnoses;
        this.reports = reports;
        this.tallies = tallies;
        this.trackers = trackers;
        this.explained = explained;
    }

    /** Nothing known. */
    public static Facts empty() {
        return EMPTY;
    }

    /** Facts restored exactly from their parts (a stored snapshot of the engine). */
    public static Facts restore(List<Series> series, List<IntegrityAlarm> alarms, Map<String, String> alarmVerifiedBy,
                                List<DiagnosisFact> diagnoses, List<ReportFact> reports, Map<String, Tally> tallies,
                                List<Tracker> trackers, Map<String, Integer> explained) {
        PMap<String, Series> s = PMap.empty();
        for (Series x : series) {
            s = s.put(x.key(), x);
        }
        PMap<String, IntegrityAlarm> a = PMap.empty();
        for (IntegrityAlarm x : alarms) {
            a = a.put(x.id(), x);
        }
        PMap<String, String> v = PMap.empty();
        for (Map.Entry<String, String> e : alarmVerifiedBy.entrySet()) {
            v = v.put(e.getKey(), e.getValue());
        }
        PMap<String, DiagnosisFact> d = PMap.empty();
        for (DiagnosisFact x : diagnoses) {
            d = d.put(x.diagnosis().id(), x);
        }
        PMap<String, ReportFact> r = PMap.empty();
        for (ReportFact x : reports) {
            r = r.put(x.report().id(), x);
        }
        PMap<String, Tally> t = PMap.empty();
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            t = t.put(e.getKey(), e.getValue());
        }
        PMap<String, Tracker> tr = PMap.empty();
        for (Tracker x : trackers) {
            tr = tr.put(x.key(), x);
        }
        PMap<String, Integer> ex = PMap.empty();
        for (Map.Entry<String, Integer> e : explained.entrySet()) {
            ex = ex.put(e.getKey(), e.getValue());
        }
        return new Facts(s, a, v, d, r, t, tr, ex);
    }

    /** Which diagnosis verified each open alarm it explains. */
    public Map<String, String> alarmVerifiedBy() {
        return sortedMap(alarmVerifiedBy);
    }

    /** The tallies of unverified reports, by group. */
    public Map<String, Tally> tallies() {
        return sortedMap(tallies);
    }

    /** The trackers looking for clusters of reports, by key. */
    public List<Tracker> trackers() {
        return sortedValues(trackers, Tracker::key);
    }

    /** How many open reports each component's outage explains. */
    public Map<String, Integer> explainedCounts() {
        return sortedMap(explained);
    }

    private static <V> Map<String, V> sortedMap(PMap<String, V> map) {
        java.util.TreeMap<String, V> out = new java.util.TreeMap<>();
        map.forEach(out::put);
        return java.util.Collections.unmodifiableMap(out);
    }

    @java.lang.Override
    public boolean equals(Object o) {
        return o instanceof Facts f && f.series.equals(series) && f.alarms.equals(alarms) && f.alarmVerifiedBy.equals(alarmVerifiedBy)
                && f.diagnoses.equals(diagnoses) && f.reports.equals(reports) && f.tallies.equals(tallies)
                && f.trackers.equals(trackers) && f.explained.equals(explained);
    }

    @java.lang.Override
    public int hashCode() {
        return Objects.hash(series, alarms, diagnoses, reports, tallies);
    }

    /**
     * Facts rebuilt from their parts (for a stored snapshot of the engine); the tallies and trackers are
     * derived again from the reports.
     */
    public static Facts of(List<Series> series, List<IntegrityAlarm> alarms, List<DiagnosisFact> diagnoses,
                           List<ReportFact> reports, ClassifierSettings settings) {
        PMap<String, Series> s = PMap.empty();
        for (Series x : series) {
            s = s.put(x.key(), x);
        }
        PMap<String, IntegrityAlarm> a = PMap.empty();
        for (IntegrityAlarm x : alarms) {
            a = a.put(x.id(), x);
        }
        PMap<String, DiagnosisFact> d = PMap.empty();
        PMap<String, String> verified = PMap.empty();
        for (DiagnosisFact x : diagnoses) {
            d = d.put(x.diagnosis().id(), x);
            for (String id : x.diagnosis().explains()) {
                if (a.containsKey(id)) {
                    verified = verified.put(id, x.diagnosis().id());
                }
            }
        }
        PMap<String, ReportFact> r = PMap.empty();
        PMap<String, Integer> explained = PMap.empty();
        for (ReportFact x : reports) {
            r = r.put(x.report().id(), x);
            if (x.status() == ReportStatus.EXPLAINED) {
                explained = explained.put(x.by(), explained.lookup(x.by()).orElse(0) + 1);
            }
        }
        return new Facts(s, a, verified, d, r, PMap.empty(), PMap.empty(), explained).retally(settings);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** Every probe series of the incident, by key. */
    public List<Series> series() {
        return sortedValues(series, Series::key);
    }

    /** A series, or null. */
    public Series series(String key) {
        return series.get(key);
    }

    /** The open integrity alarms. */
    public List<IntegrityAlarm> alarms() {
        return alarms.values().stream().sorted(Comparator.comparing(IntegrityAlarm::at).thenComparing(IntegrityAlarm::id)).toList();
    }

    /** The open diagnoses. */
    public List<DiagnosisFact> diagnoses() {
        return diagnoses.values().stream()
                .sorted(Comparator.comparing((DiagnosisFact d) -> d.diagnosis().at()).thenComparing(d -> d.diagnosis().id())).toList();
    }

    /** The open reports, oldest first (O(n): for snapshots and merges, not for every signal). */
    public List<ReportFact> reports() {
        return reports.values().stream()
                .sorted(Comparator.comparing((ReportFact r) -> r.report().at()).thenComparing(r -> r.report().id())).toList();
    }

    /** True when every open report passes the test (stops at the first that does not). */
    public boolean allReports(java.util.function.Predicate<ReportFact> test) {
        return reports.allMatch((k, r) -> test.test(r));
    }

    /** Number of open reports. */
    public int reportCount() {
        return reports.size();
    }

    /** What became of an open report, if it is open here. */
    public Optional<ReportStatus> statusOf(String reportId) {
        return Optional.ofNullable(reports.get(reportId)).map(ReportFact::status);
    }

    /** True when the signal with this id is open here (a report, alarm or diagnosis). */
    public boolean holds(String signalId) {
        return reports.containsKey(signalId) || alarms.containsKey(signalId) || diagnoses.containsKey(signalId);
    }

    /** True when nothing is open: no series in outage, no alarm, diagnosis or report. */
    public boolean isQuiet() {
        return alarms.isEmpty() && diagnoses.isEmpty() && reports.isEmpty()
                && series.values().stream().noneMatch(Series::inOutage);
    }

    /** When the latest open report of lost access with a known building was filed (the access tracker's newest mark). */
    public Optional<Instant> latestLostAccess() {
        Tracker t = trackers.get(ACCESS);
        if (t == null) {
            return Optional.empty();
        }
        Instant[] latest = {null};
        t.recent().forEach((k, m) -> latest[0] = latest[0] == null || m.at().isAfter(latest[0]) ? m.at() : latest[0]);
        t.found().ifPresent(f -> latest[0] = latest[0] == null || f.newest().isAfter(latest[0]) ? f.newest() : latest[0]);
        return Optional.ofNullable(latest[0]);
    }

    /** The series in outage now whose failure explains the report, if any (by key order). */
    public Optional<Series> explainer(FaultReport r) {
        return series.values().stream()
                .filter(Series::inOutage)
                .filter(s -> s.component().explains(r, s.target(), s.area()))
                .min(Comparator.comparing(Series::key));
    }

    // ---- changing -----------------------------------------------------------------------------------------

    /** The facts after a signal (time first moves on to the signal's instant). */
    public Facts observe(Signal signal, ClassifierSettings settings) {
        Facts f = advance(signal.at(), settings);
        if (signal instanceof ProbeResult p) {
            return f.probe(p, settings);
        }
        if (signal instanceof FaultReport r) {
            return f.report(r, settings);
        }
        if (signal instanceof IntegrityAlarm a) {
            return new Facts(f.series, f.alarms.put(a.id(), a), f.alarmVerifiedBy, f.diagnoses, f.reports, f.tallies,
                    f.trackers, f.explained);
        }
        if (signal instanceof Diagnosis d) {
            return f.diagnosis(d, settings);
        }
        if (signal instanceof Clearance c) {
            return f.clear(c.clears(), settings);
        }
        throw new IllegalArgumentException("unknown signal " + signal);
    }

    /**
     * The facts at {@code now} without a new signal: held outages whose end has come end (closing what they
     * explained), failures leave the window, expired unverified reports are dropped.
     */
    public Facts advance(Instant now, ClassifierSettings settings) {
        Facts f = this;
        for (Series s : series.values()) {
            Series next = s.advance(now, settings.unstableWindow());
            if (next != s) {
                boolean ended = s.outage().isPresent() && next.outage().isEmpty();
                f = f.withSeries(next);
                if (ended) {
                    f = f.recovered(next.key(), settings);
                }
            }
        }
        for (DiagnosisFact d : f.diagnoses.values()) {
            if (f.expires(d) && !d.diagnosis().at().plus(settings.reportExpiry()).isAfter(now)) {
                f = f.closeDiagnosis(d.diagnosis().id(), settings);
            }
        }
        // each unverified report stops being evidence reportExpiry after it was filed
        for (String group : List.of(CLASS_II, INSURANCE)) {
            Tally t = f.tallies.get(group);
            while (t != null && !t.oldest().plus(settings.reportExpiry()).isAfter(now)) {
                PQueue.Entry e = t.members().first().orElseThrow();
                ReportFact gone = f.reports.get(e.key());
                f = new Facts(f.series, f.alarms, f.alarmVerifiedBy, f.diagnoses, f.reports.remove(e.key()), f.tallies, f.trackers, f.explained)
                        .untally(gone.report(), settings);
                t = f.tallies.get(group);
            }
        }
        return f;
    }

    /**
     * True when a diagnosis is about no component and explains no alarm: nothing but time ends it, so it holds
     * for {@code reportExpiry} after IT made it unless IT clears it first (an alarm stays until it is cleared:
     * integrity is restored explicitly, HR-10).
     */
    boolean expires(DiagnosisFact d) {
        if (!d.subjects().isEmpty()) {
            return false;
        }
        for (String id : d.diagnosis().explains()) {
            if (d.diagnosis().id().equals(alarmVerifiedBy.get(id))) {
                return false;
            }
        }
        return true;
    }

    /**
     * These facts and another incident's, as one (two incidents merged). The smaller is added into the larger,
     * so merges cost what the smaller holds.
     */
    public Facts merge(Facts other, ClassifierSettings settings) {
        Facts big = reports.size() >= other.reports.size() ? this : other;
        Facts small = big == this ? other : this;
        PMap<String, Series> s = big.series;
        for (Series x : small.series.values()) {
            if (!s.containsKey(x.key())) {
                s = s.put(x.key(), x);
            }
        }
        PMap<String, IntegrityAlarm> a = big.alarms;
        for (IntegrityAlarm x : small.alarms.values()) {
            a = a.put(x.id(), x);
        }
        PMap<String, String> v = big.alarmVerifiedBy;
        for (String id : small.alarmVerifiedBy.keys()) {
            v = v.put(id, small.alarmVerifiedBy.get(id));
        }
        PMap<String, DiagnosisFact> d = big.diagnoses;
        for (DiagnosisFact x : small.diagnoses.values()) {
            d = d.put(x.diagnosis().id(), x);
        }
        PMap<String, Integer> e = big.explained;
        for (String k : small.explained.keys()) {
            e = e.put(k, e.lookup(k).orElse(0) + small.explained.get(k));
        }
        Facts merged = new Facts(s, a, v, d, big.reports, big.tallies, big.trackers, e);
        List<ReportFact> added = small.reports.values().stream()
                .sorted(Comparator.comparing((ReportFact r) -> r.report().at()).thenComparing(r -> r.report().id())).toList();
        for (ReportFact x : added) {
            if (merged.reports.containsKey(x.report().id())) {
                continue;
            }
            if (x.status() == ReportStatus.UNVERIFIED) {
                Optional<Series> by = merged.explainer(x.report());
                if (by.isPresent()) {
                    merged = merged.withReport(new ReportFact(x.report(), ReportStatus.EXPLAINED, by.get().key())).withExplained(by.get().key(), 1);
                } else {
                    merged = merged.withReport(x).tallyIn(x.report(), settings);
                }
            } else {
                merged = merged.withReport(x);
            }
        }
        // the big incident's unverified reports may be explained by a series the small one brought
        if (small.series.anyMatch((k, x) -> x.inOutage())) {
            for (ReportFact x : big.reports.values()) {
                if (x.status() == ReportStatus.UNVERIFIED) {
                    Optional<Series> by = merged.explainer(x.report());
                    if (by.isPresent()) {
                        merged = merged.withReport(new ReportFact(x.report(), ReportStatus.EXPLAINED, by.get().key()))
                                .withExplained(by.get().key(), 1).untally(x.report(), settings);
                    }
                }
            }
        }
        return merged;
    }

    private Facts probe(ProbeResult p, ClassifierSettings settings) {
        Series before = series.get(p.seriesKey());
        Series after = before == null ? Series.first(p, settings.unstableWindow())
                : before.observe(p, settings.unstableMinFailures(), settings.unstableWindow());
        Facts f = withSeries(after);
        boolean started = after.outage().isPresent() && (before == null || before.outage().isEmpty());
        boolean ended = before != null && before.outage().isPresent() && after.outage().isEmpty();
        if (started) {
            f = f.explainEarlierReports(after, p.at(), settings);
        }
        if (ended) {
            f = f.recovered(after.key(), settings);
        }
        if (p.status() == ProbeStatus.UP) {
            // a diagnosis made while the component answered holds until it is next seen up
            for (DiagnosisFact d : f.diagnoses.values()) {
                if (d.upOnly().contains(after.key()) && p.at().isAfter(d.diagnosis().at())) {
                    f = f.subjectRecovered(d, after.key(), settings);
                }
            }
        }
        return f;
    }

    /** An outage began: reports filed shortly before it that it explains are explained now. */
    private Facts explainEarlierReports(Series s, Instant at, ClassifierSettings settings) {
        Facts f = this;
        Instant from = at.minus(settings.wholeNetworkWindow());
        for (ReportFact r : reports.values()) {
            if (r.status() == ReportStatus.UNVERIFIED && !r.report().at().isBefore(from)
                    && s.component().explains(r.report(), s.target(), s.area())) {
                f = f.withReport(new ReportFact(r.report(), ReportStatus.EXPLAINED, s.key())).withExplained(s.key(), 1)
                        .untally(r.report(), settings);
            }
        }
        return f;
    }

    /** A series' outage ended: the reports it explained and the diagnoses about it close. */
    private Facts recovered(String seriesKey, ClassifierSettings settings) {
        Facts f = this;
        if (explained.lookup(seriesKey).orElse(0) > 0) {
            PMap<String, ReportFact> r = f.reports;
            for (ReportFact x : f.reports.values()) {
                if (x.status() == ReportStatus.EXPLAINED && x.by().equals(seriesKey)) {
                    r = r.remove(x.report().id());
                }
            }
            f = new Facts(f.series, f.alarms, f.alarmVerifiedBy, f.diagnoses, r, f.tallies, f.trackers, f.explained.remove(seriesKey));
        }
        for (DiagnosisFact d : f.diagnoses.values()) {
            if (d.subjects().contains(seriesKey)) {
                f = f.subjectRecovered(d, seriesKey, settings);
            }
        }
        return f;
    }

    /** One component a diagnosis is about recovered; when all have, the diagnosis closes. */
    private Facts subjectRecovered(DiagnosisFact d, String seriesKey, ClassifierSettings settings) {
        DiagnosisFact rest = d.without(seriesKey);
        if (rest.subjects().isEmpty()) {
            return closeDiagnosis(d.diagnosis().id(), settings);
        }
        return new Facts(series, alarms, alarmVerifiedBy, diagnoses.put(d.diagnosis().id(), rest), reports, tallies, trackers, explained);
    }

    private Facts report(FaultReport r, ClassifierSettings settings) {
        if (reports.containsKey(r.id())) {
            return this;
        }
        Optional<Series> by = explainer(r);
        if (by.isPresent()) {
            return withReport(new ReportFact(r, ReportStatus.EXPLAINED, by.get().key())).withExplained(by.get().key(), 1);
        }
        Facts f = withReport(new ReportFact(r, ReportStatus.UNVERIFIED, ""));
        return f.tallyIn(r, settings);
    }

    private Facts diagnosis(Diagnosis d, ClassifierSettings settings) {
        List<String> subjects = new ArrayList<>();
        d.subjectSeries().ifPresent(subjects::add);
        for (String id : d.explains()) {
            ReportFact r = reports.get(id);
            if (r != null && r.status() == ReportStatus.EXPLAINED && !subjects.contains(r.by())) {
                subjects.add(r.by()); // the component whose outage explained the report
            }
            for (Series s : series.values()) {
                if (s.outage().map(o -> o.firstDownId().equals(id)).orElse(false) && !subjects.contains(s.key())) {
                    subjects.add(s.key()); // a probe it explains
                }
            }
        }
        if (subjects.isEmpty()) {
            series.values().stream()
                    .filter(Series::inOutage)
                    .filter(s -> s.component().downCause() == d.cause() || s.component().unstableCause() == d.cause())
                    .map(Series::key).sorted().findFirst().ifPresent(subjects::add);
        }
        Optional<Area> area = d.area();
        List<String> upOnly = subjects.stream().filter(k -> series.get(k) == null || !series.get(k).inOutage()).toList();
        if (diagnoses.containsKey(d.id())) {
            return this;
        }
        Facts f = this;
        f = new Facts(f.series, f.alarms, f.alarmVerifiedBy, f.diagnoses.put(d.id(), new DiagnosisFact(d, subjects, area, upOnly)),
                f.reports, f.tallies, f.trackers, f.explained);
        for (String id : d.explains()) {
            ReportFact r = f.reports.get(id);
            if (r != null) {
                if (r.status() == ReportStatus.EXPLAINED) {
                    f = f.withExplained(r.by(), -1);
                }
                String previousBy = r.status() == ReportStatus.VERIFIED ? r.by() : null;
                f = f.withReport(new ReportFact(r.report(), ReportStatus.VERIFIED, d.id()));
                if (r.status() == ReportStatus.UNVERIFIED) {
                    f = f.untally(r.report(), settings);
                }
                if (previousBy != null) {
                    f = f.closeIfExplainsNothing(previousBy, settings);
                }
            } else if (f.alarms.containsKey(id)) {
                f = new Facts(f.series, f.alarms, f.alarmVerifiedBy.put(id, d.id()), f.diagnoses, f.reports, f.tallies,
                        f.trackers, f.explained);
            }
        }
        if (!d.explains().isEmpty() && f.explainedBy(d.id()).isEmpty()) {
            // it explains nothing that is still open
            return new Facts(f.series, f.alarms, f.alarmVerifiedBy, f.diagnoses.remove(d.id()), f.reports, f.tallies,
                    f.trackers, f.explained);
        }
        return f;
    }

    private Facts clear(List<String> ids, ClassifierSettings settings) {
        Facts f = this;
        for (String id : ids) {
            ReportFact r = f.reports.get(id);
            if (r != null) {
                f = new Facts(f.series, f.alarms, f.alarmVerifiedBy, f.diagnoses, f.reports.remove(id), f.tallies, f.trackers, f.explained);
                if (r.status() == ReportStatus.EXPLAINED) {
                    f = f.withExplained(r.by(), -1);
                } else if (r.status() == ReportStatus.VERIFIED) {
                    f = f.closeIfExplainsNothing(r.by(), settings);
                } else {
                    f = f.untally(r.report(), settings);
                }
                continue;
            }
            if (f.alarms.containsKey(id)) {
                String by = f.alarmVerifiedBy.get(id);
                f = new Facts(f.series, f.alarms.remove(id), f.alarmVerifiedBy.remove(id), f.diagnoses, f.reports, f.tallies,
                        f.trackers, f.explained);
                if (by != null) {
                    f = f.closeIfExplainsNothing(by, settings);
                }
                continue;
            }
            if (f.diagnoses.containsKey(id)) {
                f = f.closeDiagnosis(id, settings);
                continue;
            }
            for (Series s : f.series.values()) {
                if (s.outage().isPresent() && s.outage().get().firstDownId().equals(id)) {
                    f = f.withSeries(s.dismiss()).recovered(s.key(), settings);
                }
            }
        }
        return f;
    }

    /** IT's diagnosis ends: the reports and alarms it verified close with it. */
    private Facts closeDiagnosis(String diagnosisId, ClassifierSettings settings) {
        DiagnosisFact d = diagnoses.get(diagnosisId);
        if (d == null) {
            return this;
        }
        PMap<String, ReportFact> r = reports;
        for (String id : d.diagnosis().explains()) {
            ReportFact x = r.get(id);
            if (x != null && x.status() == ReportStatus.VERIFIED && x.by().equals(diagnosisId)) {
                r = r.remove(id);
            }
        }
        PMap<String, IntegrityAlarm> a = alarms;
        PMap<String, String> v = alarmVerifiedBy;
        for (String id : d.diagnosis().explains()) {
            if (diagnosisId.equals(v.get(id))) {
                a = a.remove(id);
                v = v.remove(id);
            }
        }
        return new Facts(series, a, v, diagnoses.remove(diagnosisId), r, tallies, trackers, explained);
    }

    private Facts closeIfExplainsNothing(String diagnosisId, ClassifierSettings settings) {
        DiagnosisFact d = diagnoses.get(diagnosisId);
        if (d == null || d.diagnosis().explains().isEmpty() || !explainedBy(diagnosisId).isEmpty()) {
            return this;
        }
        return new Facts(series, alarms, alarmVerifiedBy, diagnoses.remove(diagnosisId), reports, tallies, trackers, explained);
    }

    /** The open reports and alarms a diagnosis verified. */
    List<String> explainedBy(String diagnosisId) {
        DiagnosisFact d = diagnoses.get(diagnosisId);
        if (d == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : d.diagnosis().explains()) {
            ReportFact r = reports.get(id);
            if (r != null && r.status() == ReportStatus.VERIFIED && r.by().equals(diagnosisId)
                    || diagnosisId.equals(alarmVerifiedBy.get(id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    // ---- tallies and trackers -----------------------------------------------------------------------------

    static String groupOf(FaultReport r) {
        return r.symptom().provisionalClass() == FaultClass.INSURANCE ? INSURANCE : CLASS_II;
    }

    /** The tracker keys a report counts toward: its ward, subnet and building (Class II symptoms only), and access. */
    static List<String> trackerKeys(FaultReport r) {
        List<String> keys = new ArrayList<>(4);
        if (r.symptom().provisionalClass() == FaultClass.CLASS_II) {
            if (r.terminal().ward() != null) {
                Terminal t = r.terminal();
                keys.add("ward:" + (t.building() == null ? "" : t.building() + "/") + (t.floor() == null ? "" : t.floor() + "/") + t.ward());
            }
            if (r.terminal().subnet() != null) {
                keys.add("subnet:" + r.terminal().subnet());
            }
            if (r.terminal().building() != null) {
                keys.add("building:" + r.terminal().building());
            }
        }
        if (r.symptom().lossOfAccess() && r.terminal().building() != null) {
            keys.add(ACCESS);
        }
        return keys;
    }

    /** An unverified report joins its tallies and trackers. */
    private Facts tallyIn(FaultReport r, ClassifierSettings settings) {
        PMap<String, Tally> t = tallies;
        t = t.put(groupOf(r), added(t.get(groupOf(r)), r));
        if (settings.keyTerminals().contains(r.terminal().id())) {
            String k = KEY + r.terminal().id();
            t = t.put(k, added(t.get(k), r));
        }
        PMap<String, Tracker> tr = trackers;
        for (String key : trackerKeys(r)) {
            tr = tr.put(key, track(tr.get(key), key, r, settings));
        }
        return new Facts(series, alarms, alarmVerifiedBy, diagnoses, reports, t, tr, explained);
    }

    private static Tally added(Tally t, FaultReport r) {
        return new Tally((t == null ? PQueue.empty() : t.members()).add(r.at(), r.id()));
    }

    private static Tracker track(Tracker t, String key, FaultReport r, ClassifierSettings settings) {
        boolean access = key.equals(ACCESS);
        String member = access ? r.terminal().building() : r.terminal().id();
        Duration window = access ? settings.wholeNetworkWindow() : settings.patternWindow();
        int min = access ? settings.wholeNetworkMinBuildings() : settings.patternMinTerminals();
        Optional<Area> area = access ? Optional.empty()
                : key.startsWith("building:") ? Optional.of(Area.building(r.terminal().building()))
                : key.startsWith("ward:") ? Optional.of(r.terminal().area()).filter(a -> a.zone() != null) : Optional.empty();
        Mark mark = new Mark(r.at(), r.id());
        if (t == null) {
            t = new Tracker(key, area, PMap.empty(), Optional.empty());
        }
        Optional<Found> found = t.found();
        if (found.isPresent() && !r.at().isAfter(found.get().newest().plus(settings.confirmWindow()))
                && !r.at().isBefore(found.get().since().minus(window))) {
            Found f = found.get();
            Instant newest = r.at().isAfter(f.newest()) ? r.at() : f.newest();
            Instant since = r.at().isBefore(f.since()) ? r.at() : f.since();
            boolean fresh = !f.members().containsKey(member);
            PMap<String, Mark> members = putLatest(f.members(), member, mark);
            if (members.size() > MAX_MEMBERS) {
                String oldest = null;
                Instant at = null;
                for (String k : members.keys()) {
                    Mark m = members.get(k);
                    if (at == null || m.at().isBefore(at) || m.at().equals(at) && k.compareTo(oldest) < 0) {
                        oldest = k;
                        at = m.at();
                    }
                }
                members = members.remove(oldest);
            }
            return new Tracker(key, t.area().isPresent() ? t.area() : area, t.recent(),
                    Optional.of(new Found(since, newest, members, f.count() + (fresh ? 1 : 0))));
        }
        PMap<String, Mark> recent = t.recent();
        Instant from = r.at().minus(window);
        for (String k : recent.keys()) {
            if (recent.get(k).at().isBefore(from)) {
                recent = recent.remove(k);
            }
        }
        recent = putLatest(recent, member, mark);
        PMap<String, Mark> inWindow = PMap.empty();
        Instant since = r.at();
        for (String k : recent.keys()) {
            Mark m = recent.get(k);
            if (!m.at().isBefore(from) && !m.at().isAfter(r.at())) {
                inWindow = inWindow.put(k, m);
                since = m.at().isBefore(since) ? m.at() : since;
            }
        }
        if (inWindow.size() >= min) {
            found = Optional.of(new Found(since, r.at(), inWindow, inWindow.size()));
        } else if (found.isPresent() && r.at().isAfter(found.get().newest().plus(settings.confirmWindow()))) {
            found = Optional.empty();
        }
        return new Tracker(key, t.area().isPresent() ? t.area() : area, recent, found);
    }

    private static PMap<String, Mark> putLatest(PMap<String, Mark> map, String key, Mark mark) {
        Mark old = map.get(key);
        return old != null && old.at().isAfter(mark.at()) ? map : map.put(key, mark);
    }

    /**
     * A report left the unverified ones (cleared, verified, explained; it is already changed or removed in
     * {@link #reports}): its tallies and trackers forget it. Recounting scans the open reports, which happens
     * only when the report was the latest of its tally or part of a tracker's cluster.
     */
    private Facts untally(FaultReport r, ClassifierSettings settings) {
        PMap<String, Tally> t = tallies;
        List<String> groups = new ArrayList<>(2);
        groups.add(groupOf(r));
        if (settings.keyTerminals().contains(r.terminal().id())) {
            groups.add(KEY + r.terminal().id());
        }
        for (String g : groups) {
            Tally tally = t.get(g);
            if (tally == null) {
                continue;
            }
            PQueue left = tally.members().remove(r.at(), r.id());
            t = left.isEmpty() ? t.remove(g) : t.put(g, new Tally(left));
        }
        PMap<String, Tracker> tr = trackers;
        String member = r.terminal().id();
        String building = r.terminal().building();
        for (String key : trackerKeys(r)) {
            Tracker tracker = tr.get(key);
            if (tracker == null) {
                continue;
            }
            // the report leaves the cluster: its mark goes (the place or building drops out until it reports again)
            String k = key.equals(ACCESS) ? building : member;
            PMap<String, Mark> recent = dropMark(tracker.recent(), k, r.id());
            Optional<Found> found = tracker.found().map(f -> {
                PMap<String, Mark> members = dropMark(f.members(), k, r.id());
                return members == f.members() ? f : new Found(f.since(), f.newest(), members, Math.max(members.size(), f.count() - 1));
            });
            if (recent.isEmpty() && found.map(f -> f.members().isEmpty()).orElse(true)) {
                tr = tr.remove(key);
            } else if (recent != tracker.recent() || !found.equals(tracker.found())) {
                tr = tr.put(key, new Tracker(key, tracker.area(), recent, found));
            }
        }
        return new Facts(series, alarms, alarmVerifiedBy, diagnoses, reports, t, tr, explained);
    }

    private static PMap<String, Mark> dropMark(PMap<String, Mark> marks, String key, String reportId) {
        Mark m = marks.get(key);
        return m != null && m.reportId().equals(reportId) ? marks.remove(key) : marks;
    }

    private static boolean mentions(Tracker t, String reportId) {
        boolean[] hit = {false};
        t.recent().forEach((k, m) -> hit[0] |= m.reportId().equals(reportId));
        t.found().ifPresent(f -> f.members().forEach((k, m) -> hit[0] |= m.reportId().equals(reportId)));
        return hit[0];
    }

    private List<ReportFact> unverifiedWith(String trackerKey) {
        return reports.values().stream()
                .filter(x -> x.status() == ReportStatus.UNVERIFIED && trackerKeys(x.report()).contains(trackerKey))
                .sorted(Comparator.comparing((ReportFact x) -> x.report().at()).thenComparing(x -> x.report().id()))
                .toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Tallies and trackers derived again from the open unverified reports (after reports left them). */
    Facts retally(ClassifierSettings settings) {
        Facts f = new Facts(series, alarms, alarmVerifiedBy, diagnoses, reports, PMap.empty(), PMap.empty(), explained);
        for (ReportFact r : reports()) {
            if (r.status() == ReportStatus.UNVERIFIED) {
                f = f.tallyIn(r.report(), settings);
            }
        }
        return f;
    }

    private Facts withSeries(Series s) {
        return new Facts(series.put(s.key(), s), alarms, alarmVerifiedBy, diagnoses, reports, tallies, trackers, explained);
    }

    private Facts withReport(ReportFact r) {
        return new Facts(series, alarms, alarmVerifiedBy, diagnoses, reports.put(r.report().id(), r), tallies, trackers, explained);
    }

    private Facts withExplained(String seriesKey, int delta) {
        int n = explained.lookup(seriesKey).orElse(0) + delta;
        return new Facts(series, alarms, alarmVerifiedBy, diagnoses, reports, tallies, trackers,
                n <= 0 ? explained.remove(seriesKey) : explained.put(seriesKey, n));
    }

    private static <V> List<V> sortedValues(PMap<String, V> map, java.util.function.Function<V, String> key) {
        return map.values().stream().sorted(Comparator.comparing(key)).toList();
    }
}
