package org.hospital.continuity.server.board.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.board.domain.StatusReport;
import org.hospital.continuity.server.board.domain.TeamAssignment;
import org.hospital.continuity.server.board.domain.Thresholds;
import org.hospital.continuity.server.board.persistence.BoardStore;
import org.hospital.continuity.server.fault.FaultReports;
import org.hospital.continuity.server.fault.FaultReport;
import org.hospital.continuity.server.notification.NotificationDigest;
import org.hospital.continuity.server.notification.NotificationDigest.Notice;

/**
 * Builds the board's picture: the incident engine's view of the incident, the board's own records, open
 * fault reports and the notifications, in one snapshot.
 */
@ApplicationScoped
public class PicturingTheBoard {

    private final IncidentSource incidents;
    private final BoardStore store;
    private final FaultReports faultReports;
    private final NotificationDigest notifications;
    private final BoardSettings settings;
    private final InstantSource clock;
    private final ReadingBoardFigures figures;

    public PicturingTheBoard(IncidentSource incidents, BoardStore store, FaultReports faultReports,
                             NotificationDigest notifications, BoardSettings settings, InstantSource clock,
                             ReadingBoardFigures figures) {
        this.figures = figures;
        this.incidents = incidents;
        this.store = store;
        this.faultReports = faultReports;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<BoardSnapshot> snapshot() {
        return incidents.current().chain(this::snapshotOf);
    }

    public Uni<BoardSnapshot> snapshotOf(Optional<IncidentPicture> found) {
        return incidents.open().chain(open -> snapshotOf(found, open));
    }

    /** Every open incident for the board's list, and the places cut off now over all of them (EP-4, EP-4.1). */
    static List<BoardSnapshot.OpenIncident> openIncidents(List<IncidentPicture> open, Optional<IncidentPicture> shown) {
        return open.stream().map(p -> new BoardSnapshot.OpenIncident(p.id(), p.number(),
                shown.map(s -> s.id().equals(p.id())).orElse(false), p.faultClass(), p.scope(), p.openedAt(), areas(p),
                p.evidence().stream().limit(3).toList())).toList();
    }

    static List<BoardSnapshot.AreaDown> areas(IncidentPicture p) {
        return p.areasDown().stream().map(path -> {
            var name = org.hospital.continuity.playbooks.fault.Area.parse(path)
                    .map(org.hospital.continuity.playbooks.fault.Area::name).orElse(null);
            return new BoardSnapshot.AreaDown(path, name == null ? path : name.zh(), name == null ? path : name.en(), p.number());
        }).toList();
    }

    static List<BoardSnapshot.AreaDown> areasDown(List<IncidentPicture> open) {
        return open.stream().flatMap(p -> areas(p).stream()).toList();
    }

    private Uni<BoardSnapshot> snapshotOf(Optional<IncidentPicture> found, List<IncidentPicture> open) {
        Instant now = clock.instant();
        Instant engineNow = incidents.engineNow(now);
        int rate = incidents.engineRate();
        List<BoardSnapshot.OpenIncident> openList = openIncidents(open, found);
        List<BoardSnapshot.AreaDown> areasDown = areasDown(open);
        Uni<List<FaultReport>> reports = faultReports.newest(100);
        Uni<Map<String, Long>> counts = notifications.deliveryCounts();
        if (found.isEmpty()) {
            return Uni.combine().all().unis(reports, counts, figures.kiosks()).asTuple().map(t -> new BoardSnapshot(now, null, List.of(),
                    teams(List.of()), openReports(t.getItem1(), null), t.getItem3(), BoardSnapshot.Reconciliation.none(), List.of(), List.of(), null,
                    new BoardSnapshot.Notifications(t.getItem2(), List.of()), null, engineNow, rate, openList, areasDown));
        }
        IncidentPicture i = found.get();
        return Uni.combine().all().unis(reports, counts, store.statusReports(i.id()), store.teamAssignments(i.id()),
                        store.faultReport(i.id()), notifications.notices(i.id(), 200), figures.kiosks(), figures.reconciliation(i))
                .asTuple().map(t -> {
                    List<StatusReport> statusReports = t.getItem3();
                    List<TeamAssignment> assignments = t.getItem4();
                    FaultReportRecord fault = t.getItem5().orElse(FaultReportRecord.empty(i.id()));
                    List<Notice> notices = t.getItem6();
                    Instant lastReport = statusReports.isEmpty() ? null : statusReports.get(statusReports.size() - 1).writtenAt();
                    BoardSnapshot.StatusReportDue due = null;
                    if (i.isOpen()) {
                        // on the engine's clock, as the incident's opening is (a drill's time during a drill, EP-9.4)
                        Instant last = lastReport == null ? null : incidents.onEngineClock(lastReport);
                        Instant dueAt = StatusReport.nextDue(i.openedAt(), last, settings.statusReportEvery());
                        due = new BoardSnapshot.StatusReportDue(dueAt, !engineNow.isBefore(dueAt));
                    }
                    return new BoardSnapshot(now, incident(i, engineNow), i.departments(), teams(assignments),
                            openReports(t.getItem1(), i), t.getItem7(), t.getItem8(),
                            timeline(i, statusReports, assignments, notices, incidents::onEngineClock),
                            statusReports.stream().sorted(Comparator.comparing(StatusReport::writtenAt).reversed())
                                    .map(r -> new BoardSnapshot.StatusReportItem(r.id(), r.conditions(), r.actions(), r.needs(), r.author(),
                                            r.writtenAt())).toList(),
                            due,
                            new BoardSnapshot.Notifications(t.getItem2(), notices.stream().filter(Notice::awaitingAcknowledgement)
                                    .map(n -> new BoardSnapshot.Waiting(n.id(), n.kind().name(), NoticeWords.zh(n.kind()), NoticeWords.en(n.kind()),
                                            n.audience(), NoticeWords.audienceZh(n.audience()), NoticeWords.audienceEn(n.audience()),
                                            n.createdAt(), n.tier(), n.round(), n.nextEscalationAt())).toList()),
                            new BoardSnapshot.FaultReportState(FaultReportRecord.deadline(i.closedAt()),
                                    fault.state(i.closedAt(), now).name(), fault.submittedAt() != null), engineNow, rate, openList, areasDown);
                });
    }

    /**
     * The incident on the engine's clock ({@code engineNow}, a drill's compressed time while one runs): the countdown
     * and the elapsed outage agree with the timeline. A ladder step the timeline shows as reached is passed whatever the
     * arithmetic says (EP-5.2); the outage stops counting when it ended or the incident closed (EP-6.8).
     */
    static BoardSnapshot.Incident incident(IncidentPicture i, Instant engineNow) {
        Instant end = i.outageEndedAt() != null ? i.outageEndedAt() : i.closedAt();
        java.util.Set<String> reached = new java.util.HashSet<>();
        i.timeline().stream().filter(t -> "LADDER_STEP_REACHED".equals(t.kind()) && t.clause() != null).forEach(t -> reached.add(t.clause()));
        List<BoardSnapshot.Threshold> thresholds = Thresholds.of(i.outageStart(), end, i.schedule(), engineNow).stream()
                .map(s -> {
                    boolean passed = s.passed() || reached.contains(s.clause());
                    return new BoardSnapshot.Threshold(s.step(), s.clause(), s.threshold().toSeconds(), s.dueAt(), passed,
                            passed ? 0 : s.remaining().toSeconds());
                }).toList();
        return new BoardSnapshot.Incident(i.id(), i.isOpen(), i.openedAt(), i.closedAt(), i.faultClass(), i.scope(), i.highestClass(),
                i.outageStart(), end, Thresholds.elapsed(i.outageStart(), end, engineNow).toSeconds(),
                i.evidence(), thresholds);
    }

    static List<BoardSnapshot.Team> teams(List<TeamAssignment> assignments) {
        List<BoardSnapshot.Team> out = new ArrayList<>();
        for (String code : TeamAssignment.TEAMS) {
            out.add(new BoardSnapshot.Team(code, assignments.stream().filter(a -> a.isActive() && a.team().equals(code))
                    .map(a -> new BoardSnapshot.Member(a.id(), a.personName(), a.note(), a.assignedAt())).toList()));
        }
        return out;
    }

    /** EP-3.2: reports not yet verified by IT; during an incident those filed since shortly before it opened. */
    static List<BoardSnapshot.FaultReportItem> openReports(List<FaultReport> reports, IncidentPicture i) {
        return reports.stream()
                .filter(r -> r.verification() == FaultReport.Verification.UNVERIFIED)
                .filter(r -> i == null || !r.filedAt().isBefore(i.openedAt().minus(java.time.Duration.ofHours(1))))
                .map(r -> new BoardSnapshot.FaultReportItem(r.id(), r.location(), r.terminal(), r.symptom(), r.observedSince(),
                        r.filedAt(), r.verification().name()))
                .toList();
    }

    /**
     * The incident's timeline with what people did around it (status reports, team members, notices and their
     * acknowledgements). The engine's events are on the engine's clock; the others happen in real time and are put on the
     * same clock ({@code onEngineClock}: itself in real time, the drill time during a drill), so a drill's timeline never
     * mixes the two and reads in the order things happened (EP-9.4).
     */
    static List<BoardSnapshot.TimelineEntry> timeline(IncidentPicture i, List<StatusReport> reports, List<TeamAssignment> teams,
                                                      List<Notice> notices) {
        return timeline(i, reports, teams, notices, java.util.function.UnaryOperator.identity());
    }

    static List<BoardSnapshot.TimelineEntry> timeline(IncidentPicture i, List<StatusReport> reports, List<TeamAssignment> teams,
                                                      List<Notice> notices, java.util.function.UnaryOperator<Instant> onEngineClock) {
        List<BoardSnapshot.TimelineEntry> out = new ArrayList<>();
        List<BoardSnapshot.TimelineEntry> real = new ArrayList<>();
        i.timeline().forEach(t -> out.add(new BoardSnapshot.TimelineEntry(t.at(), t.kind(), t.clause(), t.zh(), t.en())));
        reports.forEach(r -> real.add(new BoardSnapshot.TimelineEntry(r.writtenAt(), "STATUS_REPORT", null,
                "情况通报(" + r.author() + "):" + r.conditions(), "status report (" + r.author() + "): " + r.conditions())));
        teams.forEach(a -> real.add(new BoardSnapshot.TimelineEntry(a.assignedAt(), "TEAM_ASSIGNED", "EP-8.2",
                a.personName() + " 加入 " + teamZh(a.team()), a.personName() + " joins the " + teamEn(a.team()))));
        notices.forEach(n -> {
            String zh = NoticeWords.audienceZh(n.audience());
            String en = NoticeWords.audienceEn(n.audience());
            real.add(new BoardSnapshot.TimelineEntry(n.createdAt(), "NOTIFIED", null,
                    "已通知" + zh + "(" + NoticeWords.zh(n.kind()) + ")", "notified " + en + " (" + NoticeWords.en(n.kind()) + ")"));
            if (n.acknowledgedAt() != null) {
                real.add(new BoardSnapshot.TimelineEntry(n.acknowledgedAt(), "ACKNOWLEDGED", null,
                        zh + " 已确认收到:" + NoticeWords.person(n.acknowledgedBy()), en + " acknowledged: " + NoticeWords.person(n.acknowledgedBy())));
            }
        });
        real.forEach(e -> out.add(new BoardSnapshot.TimelineEntry(onEngineClock.apply(e.at()), e.kind(), e.clause(), e.zh(), e.en())));
        out.sort(Comparator.comparing(BoardSnapshot.TimelineEntry::at));
        return out;
    }

    static String teamZh(String code) {
        return org.hospital.continuity.playbooks.party.Party.fromCode(code).map(p -> p.zh()).orElse(code);
    }

    static String teamEn(String code) {
        return org.hospital.continuity.playbooks.party.Party.fromCode(code).map(p -> p.en()).orElse(code);
    }
}
