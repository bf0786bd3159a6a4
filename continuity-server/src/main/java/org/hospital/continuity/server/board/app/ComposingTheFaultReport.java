package org.hospital.continuity.server.board.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.board.domain.TeamAssignment;
import org.hospital.continuity.server.board.domain.Thresholds;
import org.hospital.continuity.server.board.persistence.BoardStore;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.NotificationDigest;
import org.hospital.continuity.server.platform.text.Language;

/**
 * The fault report and recovery record (EP-7.4 every recovery recorded in detail; EP-8.1 a fault report after
 * the fault; EP-8.6 within 2 days: review, root cause, preventive measures), generated from the timeline,
 * with IT's part filled in. Times are written in the hospital's zone.
 */
@ApplicationScoped
public class ComposingTheFaultReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The report as the printable page shows it; every text already in the reader's language. */
    public record Document(UUID incidentId, int number, String highestClass, String faultClass, String scope, String openedAt, String closedAt,
                           String outageStart, String outageEnd, String outageDuration, List<Line> evidence,
                           List<Line> departments, List<Line> teams, List<Line> statusReports, List<Line> notifications,
                           List<Line> timeline, FaultReportRecord record, String deadline, String state, boolean closed) {

        /** The message key of the highest class. */
        public String classKey() {
            return highestClass == null ? "board.class.none" : "class." + highestClass;
        }

        /** The message key of the deadline state. */
        public String stateKey() {
            return "report.state." + state;
        }
    }

    /** One line of a section: when, what, and (for the timeline) the clause. */
    public record Line(String at, String text, String clause) {
    }

    private final IncidentSource incidents;
    private final BoardStore store;
    private final NotificationDigest notifications;
    private final NotificationSettings settings;
    private final InstantSource clock;

    public ComposingTheFaultReport(IncidentSource incidents, BoardStore store, NotificationDigest notifications,
                                   NotificationSettings settings, InstantSource clock) {
        this.incidents = incidents;
        this.store = store;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<Optional<Document>> compose(UUID incidentId, Language language) {
        return incidents.byId(incidentId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Document>empty());
            }
            IncidentPicture i = found.get();
            return Uni.combine().all().unis(store.statusReports(incidentId), store.teamAssignments(incidentId),
                    store.faultReport(incidentId), notifications.notices(incidentId, 500)).asTuple().map(t -> {
                        boolean zh = language != Language.EN;
                        ZoneId zone = settings.zone();
                        FaultReportRecord record = t.getItem3().orElse(FaultReportRecord.empty(incidentId));
                        Instant now = clock.instant();
                        Duration outage = Thresholds.elapsed(i.outageStart(), i.outageEndedAt(), now);
                        List<Line> evidence = i.evidence().stream().map(e -> new Line(null, zh ? e.zh() : e.en(), e.clause())).toList();
                        List<Line> departments = i.departments().stream()
                                .map(d -> new Line(at(d.since(), zone), (zh ? d.zh() : d.en()) + ": " + (zh ? d.modeZh() : d.modeEn())
                                        + (d.acknowledgedBy() == null ? "" : " (" + d.acknowledgedBy() + ")"), null)).toList();
                        List<Line> teams = t.getItem2().stream().map(a -> new Line(at(a.assignedAt(), zone),
                                team(a, zh) + ": " + a.personName() + (a.note().isBlank() ? "" : " — " + a.note())
                                        + (a.releasedAt() == null ? "" : (zh ? "(至 " : " (until ") + at(a.releasedAt(), zone) + ")"), null)).toList();
                        List<Line> reports = t.getItem1().stream().map(r -> new Line(at(r.writtenAt(), zone),
                                (zh ? "现状：" : "Conditions: ") + r.conditions() + (zh ? "；措施：" : "; Actions: ") + r.actions()
                                        + (r.needs().isBlank() ? "" : (zh ? "；需求：" : "; Needs: ") + r.needs()) + " — " + r.author(), null)).toList();
                        Map<String, int[]> byKind = new TreeMap<>();
                        t.getItem4().forEach(w -> {
                            int[] c = byKind.computeIfAbsent(w.kind().name() + " → " + w.audience(), k -> new int[3]);
                            c[0]++;
                            c[1] += w.sent();
                            c[2] += w.acknowledged() ? 1 : 0;
                        });
                        List<Line> notices = byKind.entrySet().stream().map(e -> new Line(null, e.getKey() + ": "
                                + e.getValue()[0] + (zh ? " 条，送达 " : " notices, ") + e.getValue()[1]
                                + (zh ? " 次，已确认 " : " deliveries sent, acknowledged ") + e.getValue()[2], null)).toList();
                        List<Line> timeline = PicturingTheBoard.timeline(i, t.getItem1(), t.getItem2(),
                                        t.getItem4()).stream()
                                .map(e -> new Line(at(e.at(), zone), zh ? e.zh() : e.en(), e.clause())).toList();
                        return Optional.of(new Document(incidentId, i.number(), i.highestClass(), i.faultClass(), i.scope(), at(i.openedAt(), zone),
                                at(i.closedAt(), zone), at(i.outageStart(), zone), at(i.outageEndedAt(), zone),
                                i.outageStart() == null ? null : duration(outage, zh), evidence, departments, teams, reports, notices,
                                timeline, record, at(FaultReportRecord.deadline(i.closedAt()), zone),
                                record.state(i.closedAt(), now).name(), !i.isOpen()));
                    });
        });
    }

    static String team(TeamAssignment a, boolean zh) {
        return zh ? PicturingTheBoard.teamZh(a.team()) : PicturingTheBoard.teamEn(a.team());
    }

    static String at(Instant i, ZoneId zone) {
        return i == null ? null : WHEN.format(i.atZone(zone));
    }

    static String duration(Duration d, boolean zh) {
        return zh ? RemindingTheBoard.zhDuration(d) : RemindingTheBoard.enDuration(d);
    }
}
