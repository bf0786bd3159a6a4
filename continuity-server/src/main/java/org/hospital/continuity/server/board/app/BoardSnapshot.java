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
        Section kiosks,
        Section reconciliation,
        List<TimelineEntry> timeline,
        List<StatusReportItem> statusReports,
        StatusReportDue statusReportDue,
        Notifications notifications,
        FaultReportState faultReport) {

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

    /** A part of the board whose data may not exist yet (kiosk backlog, reconciliation). */
    public record Section(boolean available, String noteKey, List<Map<String, Object>> rows) {
        public static Section notAvailableYet(String noteKey) {
            return new Section(false, noteKey, List.of());
        }
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

    public record Waiting(UUID id, String kind, String audience, Instant createdAt, int tier, int round, Instant nextEscalationAt) {
    }

    /** EP-8.6: the fault report's deadline and state. */
    public record FaultReportState(Instant deadline, String state, boolean submitted) {
    }
}
