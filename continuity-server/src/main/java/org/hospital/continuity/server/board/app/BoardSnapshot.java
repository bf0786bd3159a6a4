package org.hospital.continuity.server.board.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the board shows at one moment, as JSON for the page and the SSE stream. Texts that come from
 * records carry both languages; fixed words come from the page's message bundle by code.
 */
public record BoardSnapshot(
        Instant now,
        Incident incident,
        List<IncidentPicture.DepartmentState> departments,
        List<Team> teams,
        List<FaultReportItem> openFaultReports,
        Kiosks kiosks,
        Reconciliation reconciliation,
        List<TimelineEntry> timeline,
        List<StatusReportItem> statusReports,
        StatusReportDue statusReportDue,
        Notifications notifications,
        FaultReportState faultReport,
        Instant engineNow,
        int engineRate,
        List<OpenIncident> openIncidents,
        List<AreaDown> areasDown) {

    public BoardSnapshot {
        openIncidents = openIncidents == null ? List.of() : List.copyOf(openIncidents);
        areasDown = areasDown == null ? List.of() : List.copyOf(areasDown);
    }

    /**
     * One of the incidents open now (several may be open at once, EP-4: an insurance-line fault beside a ward's
     * terminal fault): its number, class, scope, the places it cut off and why it has its class.
     */
    public record OpenIncident(UUID id, int number, boolean shown, String faultClass, String scope, Instant openedAt,
                               List<AreaDown> areasDown, List<IncidentPicture.Line> evidence) {
    }

    /** A place cut off now (EP-4.1 局部网络不通): its path ({@code B}, {@code B/5}) and name in both languages. */
    public record AreaDown(String path, String zh, String en, int incident) {
    }

    /** The incident: class with evidence, elapsed outage time against the thresholds. */
    public record Incident(UUID id, boolean open, Instant openedAt, Instant closedAt, String faultClass, String scope,
                           String highestClass, Instant outageStart, Instant outageEndedAt, long elapsedSeconds,
                           List<IncidentPicture.Line> evidence, List<Threshold> thresholds) {
    }

    public record Threshold(String step, String clause, long thresholdSeconds, Instant dueAt, boolean passed, long remainingSeconds) {
    }

    /** An EP-8.2 team and who is in it now. */
    public record Team(String code, List<Member> members) {
    }

    public record Member(UUID assignmentId, String name, String note, Instant since) {
    }

    public record FaultReportItem(UUID id, String location, String terminal, String symptom, Instant observedSince, Instant filedAt,
                                  String verification) {
    }

    /**
     * Kiosks and what each still holds unsent by its own word ({@code totalPending}), apart from what the server has stored of
     * them ({@code totalStored}).
     */
    public record Kiosks(long totalPending, int withBacklog, List<Kiosk> rows, long totalStored) {
    }

    /**
     * One kiosk: what it still holds unsent by its newest word (its last push or its later readiness report, as of
     * {@code pendingAsOf}), the age of its oldest unsent record, its last push, what the server stored of it, and when it was
     * last heard from at all ({@code lastHeardSecondsAgo}, -1 never); {@code seen} is false for an enrolled kiosk never heard from.
     */
    public record Kiosk(String id, String name, String departmentCode, String departmentName, boolean seen, long pending,
                        Instant oldestUnsentAt, long oldestUnsentSeconds, Instant lastPushAt, long lastPushSecondsAgo, long stored,
                        Instant pendingAsOf, Instant lastHeardAt, long lastHeardSecondsAgo) {
    }

    /**
     * Back-entry after recovery against the EP-8.4 deadlines, per department parcel (EP-8.5). {@code available} is
     * false without an incident; {@code recoveredAt} null while the system is not back (no deadline runs yet);
     * {@code hisUnreachableSince} set while the write-back is held because the HIS does not take the records.
     */
    public record Reconciliation(boolean available, long writtenBack, Instant recoveredAt, Instant importantDue, Instant allDue,
                                 int total, int done, int important, int importantDone, boolean importantFinished,
                                 boolean allFinished, boolean importantLate, boolean allLate, long importantSecondsLeft,
                                 long allSecondsLeft, List<Area> areas, Instant hisUnreachableSince, String hisErrorZh,
                                 String hisErrorEn) {
        public static Reconciliation none() {
            return new Reconciliation(false, 0, null, null, null, 0, 0, 0, 0, true, true, false, false, 0, 0, List.of(), null, null, null);
        }
    }

    /** One parcel (department area) of the workbench queue and its owner. */
    public record Area(String area, String name, String owner, int total, int done, int important, int importantDone) {
    }

    public record TimelineEntry(Instant at, String kind, String clause, String zh, String en) {
    }

    public record StatusReportItem(UUID id, String conditions, String actions, String needs, String author, Instant writtenAt) {
    }

    /** When the next status report is due, and whether it is overdue. */
    public record StatusReportDue(Instant dueAt, boolean overdue) {
    }

    /** Delivery counts by status and the notices still waiting for somebody to acknowledge. */
    public record Notifications(Map<String, Long> deliveries, List<Waiting> waiting) {
    }

    /** A notice nobody has acknowledged yet: what (kind, in words) to whom (the party's name, in words). */
    public record Waiting(UUID id, String kind, String kindZh, String kindEn, String audience, String audienceZh, String audienceEn,
                          Instant createdAt, int tier, int round, Instant nextEscalationAt) {
    }

    /** EP-8.6: the fault report's deadline and state. */
    public record FaultReportState(Instant deadline, String state, boolean submitted) {
    }
}
