package org.hospital.continuity.server.fault.app;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;
import org.hospital.continuity.server.fault.domain.FaultDecision;
import org.hospital.continuity.server.fault.domain.FaultReport;
import org.hospital.continuity.server.fault.persistence.FaultReportRepository;
import org.hospital.continuity.server.platform.api.DomainRejection;

/** EP-3.1/3.2: a workstation files a fault report; it is recorded at once. */
@ApplicationScoped
public class FilingFaultReport {

    private final FaultReportRepository reports;
    private final InstantSource clock;

    public FilingFaultReport(FaultReportRepository reports, InstantSource clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<FaultReport> file(FaultReport.Filing filing) {
        FaultDecision decision = FaultReport.file(filing, UUID.randomUUID(), clock.instant());
        if (decision instanceof FaultDecision.Rejected rejected) {
            return Uni.createFrom().failure(new DomainRejection(422, "fault-report-rejected", rejected.rule(), rejected.reason()));
        }
        FaultReport report = ((FaultDecision.Filed) decision).report();
        return reports.add(report).invoke(r -> Log.infof("fault report filed id=%s", r.id()));
    }

    public Uni<FaultReport> get(UUID id) {
        return reports.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Fault report " + id));
    }

    public Uni<java.util.List<FaultReport>> newest(int limit) {
        return reports.newest(limit);
    }
}
