package org.hospital.continuity.kiosk.fault.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.KioskServer;
import org.hospital.continuity.kiosk.fault.persistence.FaultReportTable;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.wire.Problem;

/**
 * EP-3.1: any workstation reports a fault in one action — what fails, where, since when, in the reporter's words.
 * The report is kept here first and sent to the server at once when it answers, else later (every
 * {@code continuity.faults.interval}); EP-3.2: the reporter then sees its state as IT works it: received, verified
 * (or not reproduced), folded into an incident.
 */
@ApplicationScoped
public class ReportingFaults {

    /** What a reporter can say fails: the classifier's symptoms (EP-3.1), named in words on the screen. */
    public static final List<String> SYMPTOMS = List.of("CANNOT_CONNECT", "PROGRAM_WONT_OPEN", "DATABASE_SLOW", "TERMINAL_BROKEN",
            "WRONG_DATA", "PATIENT_DATA_MISSING", "PRICE_LOOKS_WRONG", "INSURANCE_SETTLEMENT_FAILS", "OTHER");

    /** Clocks drift: a fault may be said to have started this far in the future. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** What the kiosk sends the server ({@code POST /api/fault-reports}); {@code id} makes a resend harmless. */
    public record Filing(UUID id, String reporter, String location, String terminal, String symptom, Instant observedSince,
                         String symptomCode) {
    }

    /** The server's state of a report ({@code GET /api/fault-reports/{id}/state}). */
    public record ServerState(UUID id, String state, String verifiedBy, Instant verifiedAt, String cause, Instant incidentOpenedAt,
                              String incidentClass) {
    }

    private final FaultReportTable table;
    private final KioskServer server;
    private final EnrolledKiosk enrolled;
    private final InstantSource clock;

    public ReportingFaults(FaultReportTable table, KioskServer server, EnrolledKiosk enrolled, InstantSource clock) {
        this.table = table;
        this.server = server;
        this.enrolled = enrolled;
        this.clock = clock;
    }

    /** Files a report: kept here at once, then sent if the server answers. A refusal at a field stores nothing. */
    public FaultReportTable.Row file(String symptom, String location, Instant observedSince, String words, StaffSession by) {
        List<Violation> v = new ArrayList<>();
        if (FieldRules.blank(symptom)) {
            v.add(new Violation("symptom", "error.required"));
        } else if (!SYMPTOMS.contains(symptom)) {
            v.add(new Violation("symptom", "error.fault.symptom"));
        }
        FieldRules.freeText(v, "location", location, 2, 200, true);
        FieldRules.freeText(v, "words", words, 2, 2000, "OTHER".equals(symptom));
        Instant now = clock.instant();
        Instant since = observedSince == null ? now : observedSince;
        if (since.isAfter(now.plus(CLOCK_TOLERANCE))) {
            v.add(new Violation("observedSince", "error.fault.future"));
        }
        if (!v.isEmpty()) {
            throw KioskRejection.invalid("error.form", v.stream().map(x -> new Problem.Violation(x.field(), x.messageKey())).toList());
        }
        UUID id = UUID.randomUUID();
        table.insert(new FaultReportTable.Row(id, symptom, location.trim(), since, words == null || words.isBlank() ? null : words.trim(),
                by.accountId(), by.displayName(), now, null, 0, null, "PENDING", null, null, null, null, null, null));
        Log.infof("fault report filed here report=%s symptom=%s", id, symptom);
        send(table.newest(50).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow());
        return table.newest(50).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    public List<FaultReportTable.Row> reports(int limit) {
        return table.newest(limit);
    }

    @Scheduled(every = "{continuity.faults.interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = org.hospital.continuity.kiosk.platform.crypto.SkipWhileLocked.class)
    void scheduled() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            Log.debugf("fault report catch-up failed: %s", e.getMessage());
        }
    }

    /** Sends what is unsent, then asks the state of the reports still open. */
    public synchronized void catchUp() {
        if (enrolled.identity().isEmpty()) {
            return;
        }
        for (FaultReportTable.Row r : table.unsent()) {
            if (!send(r)) {
                return; // the server does not answer: the rest waits too
            }
        }
        for (FaultReportTable.Row r : table.open(50)) {
            try {
                ServerState s = server.get("/api/fault-reports/" + r.id() + "/state", ServerState.class);
                table.state(r.id(), s.state(), s.verifiedBy(), s.verifiedAt(), s.cause(), s.incidentOpenedAt(), s.incidentClass(),
                        clock.instant());
            } catch (KioskRejection e) {
                if (e.status() >= 500) {
                    return;
                }
                Log.debugf("fault report state unavailable report=%s: %s", r.id(), e.slug());
            }
        }
    }

    private boolean send(FaultReportTable.Row r) {
        String terminal = enrolled.identity().map(KioskIdentity::kioskName).orElse(null);
        String words = r.words() != null ? r.words() : r.symptom();
        try {
            server.post("/api/fault-reports", new Filing(r.id(), r.reporterName(), r.location(), terminal, words, r.observedSince(),
                    r.symptom()), Object.class);
            table.sent(r.id(), clock.instant());
            Log.infof("fault report sent report=%s", r.id());
            return true;
        } catch (KioskRejection e) {
            table.attempted(r.id(), e.status() >= 500 ? "error.server-unreachable" : e.getMessage());
            return e.status() < 500;
        }
    }
}
