package org.hospital.continuity.server.fault.app;

import org.hospital.continuity.server.incident.IncidentIntake;
import org.hospital.continuity.server.fault.FaultReports;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;
import org.hospital.continuity.server.fault.FaultDecision;
import org.hospital.continuity.server.fault.FaultReport;
import org.hospital.continuity.server.fault.domain.FaultSignals;
import org.hospital.continuity.server.fault.persistence.FaultReportRepository;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.persistence.SessionContext;

/**
 * EP-3.1/3.2: a workstation files a fault report; it is recorded at once and then handed to the incident
 * engine as a signal (the engine grades it and folds it into the open incident). IT on duty verifies it.
 */
@ApplicationScoped
public class FilingFaultReport implements FaultReports {

    private final FaultReportRepository reports;
    private final InstantSource clock;
    private final IncidentIntake engine;

    public FilingFaultReport(FaultReportRepository reports, InstantSource clock, IncidentIntake engine) {
        this.reports = reports;
        this.clock = clock;
        this.engine = engine;
    }

    public Uni<FaultReport> file(FaultReport.Filing filing) {
        FaultDecision decision = FaultReport.file(filing, UUID.randomUUID(), clock.instant());
        if (decision instanceof FaultDecision.Rejected rejected) {
            return Uni.createFrom().failure(new DomainRejection(422, "fault-report-rejected", rejected.rule(), rejected.reason()));
        }
        FaultReport report = ((FaultDecision.Filed) decision).report();
        // recorded first (EP-3.2 "record it"), then correlated: a report is never lost to a correlation failure
        return reports.add(report)
                .invoke(r -> Log.infof("fault report filed id=%s", r.id()))
                .call(r -> engine.submit(FaultSignals.signal(r)));
    }

    /** EP-3.2: IT on duty verifies a report with the workstation: confirmed (with the cause) or not reproduced. */
    public Uni<FaultReport> verify(UUID id, FaultReport.Verification outcome, FaultReport.Check given) {
        FaultReport.Check check = new FaultReport.Check(given.personId(), given.personName(), clock.instant(), given.cause(), given.note());
        return reports.verifying(id, r -> {
            if (r == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Fault report " + id));
            }
            FaultDecision d = r.verify(outcome, check);
            if (d instanceof FaultDecision.Rejected rejected) {
                return Uni.createFrom().failure(DomainRejection.conflict("verification-refused", rejected.rule(), rejected.reason()));
            }
            return Uni.createFrom().item(((FaultDecision.Filed) d).report());
        }).invoke(r -> Log.infof("fault report verified id=%s outcome=%s", r.id(), r.verification()))
                .call(r -> FaultSignals.verification(r).map(engine::submit).orElse(Uni.createFrom().nullItem()));
    }

    public Uni<FaultReport> get(UUID id) {
        return reports.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Fault report " + id));
    }

    /** For the board, from its requests, jobs and event stream alike: in a session of its own. */
    @Override
    public Uni<java.util.List<FaultReport>> newest(int limit) {
        return SessionContext.call(() -> reports.newest(limit));
    }
}
