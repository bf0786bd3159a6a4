package org.hospital.continuity.server.board.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.board.domain.StatusReport;
import org.hospital.continuity.server.board.persistence.BoardStore;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.Notices;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;

/**
 * Reminders of the board: a status report is due (every hour by default while the incident is open), and the
 * EP-8.6 fault report is due within 2 days of the fault (reminded when the incident closes and again when it
 * is overdue). Each reminder is raised once (dedupe keys), whichever instance runs first.
 */
@ApplicationScoped
public class RemindingTheBoard {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IncidentSource incidents;
    private final BoardStore store;
    private final Notices raising;
    private final BoardSettings settings;
    private final NotificationSettings notificationSettings;
    private final InstantSource clock;

    public RemindingTheBoard(IncidentSource incidents, BoardStore store, Notices raising, BoardSettings settings,
                             NotificationSettings notificationSettings, InstantSource clock) {
        this.incidents = incidents;
        this.store = store;
        this.raising = raising;
        this.settings = settings;
        this.notificationSettings = notificationSettings;
        this.clock = clock;
    }

    @Scheduled(identity = "board-reminders", every = "${continuity.board.remind-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return remindDue().onFailure().invoke(e -> Log.errorf(e, "board reminders failed")).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many reminders were raised (or found already raised) */
    public Uni<Integer> remindDue() {
        return incidents.recent(5).chain(list -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (IncidentPicture i : list) {
                chain = chain.chain(n -> remind(i).map(k -> n + k));
            }
            return chain;
        });
    }

    private Uni<Integer> remind(IncidentPicture i) {
        Instant now = clock.instant();
        String base = notificationSettings.publicBaseUrl().replaceAll("/+$", "");
        if (i.isOpen()) {
            return store.statusReports(i.id()).chain(reports -> {
                Instant last = reports.isEmpty() ? null : reports.get(reports.size() - 1).writtenAt();
                int number = StatusReport.reminderNumber(i.openedAt(), last, settings.statusReportEvery(), now);
                if (number == 0) {
                    return Uni.createFrom().item(0);
                }
                Duration since = Duration.between(last != null ? last : i.openedAt(), now);
                Map<String, Text> params = new HashMap<>();
                params.put("elapsed", new Text(zhDuration(since), enDuration(since)));
                params.put("boardLink", Text.plain(base + "/board"));
                String key = "status-report|" + i.id() + "|" + (last == null ? "none" : last.toString()) + "|" + number;
                return raising.raise(new NoticeRequest(i.id(), NoticeKind.STATUS_REPORT_DUE, settings.statusReportOwner(), params, key))
                        .replaceWith(1);
            });
        }
        return store.faultReport(i.id()).chain(found -> {
            FaultReportRecord f = found.orElse(FaultReportRecord.empty(i.id()));
            FaultReportRecord.DeadlineState state = f.state(i.closedAt(), now);
            if (state == FaultReportRecord.DeadlineState.SUBMITTED || state == FaultReportRecord.DeadlineState.SUBMITTED_LATE
                    || state == FaultReportRecord.DeadlineState.NOT_STARTED) {
                return Uni.createFrom().item(0);
            }
            ZoneId zone = notificationSettings.zone();
            Map<String, Text> params = new HashMap<>();
            params.put("deadline", Text.plain(WHEN.format(FaultReportRecord.deadline(i.closedAt()).atZone(zone))));
            params.put("reportLink", Text.plain(base + "/board/incidents/" + i.id() + "/report"));
            List<String> keys = state == FaultReportRecord.DeadlineState.OVERDUE
                    ? List.of("fault-report|" + i.id(), "fault-report-overdue|" + i.id())
                    : List.of("fault-report|" + i.id());
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String key : keys) {
                chain = chain.chain(n -> raising.raise(new NoticeRequest(i.id(), NoticeKind.FAULT_REPORT_DUE, settings.faultReportOwner(),
                        params, key)).replaceWith(n + 1));
            }
            return chain;
        });
    }

    static String zhDuration(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h > 0 ? h + "小时" + (m > 0 ? m + "分钟" : "") : d.toMinutes() + "分钟";
    }

    static String enDuration(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h > 0 ? h + " h" + (m > 0 ? " " + m + " min" : "") : d.toMinutes() + " min";
    }
}
