package org.hospital.continuity.server.fault.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.fault.domain.FaultReport;

@Entity
@Table(name = "fault_report")
public class FaultReportEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String reporter;
    @Column(nullable = false)
    public String location;
    public String terminal;
    @Column(nullable = false)
    public String symptom;
    @Column(name = "observed_since", nullable = false)
    public Instant observedSince;
    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FaultReport.Verification verification;

    static FaultReportEntity from(FaultReport r) {
        FaultReportEntity e = new FaultReportEntity();
        e.id = r.id();
        e.reporter = r.reporter();
        e.location = r.location();
        e.terminal = r.terminal();
        e.symptom = r.symptom();
        e.observedSince = r.observedSince();
        e.filedAt = r.filedAt();
        e.verification = r.verification();
        return e;
    }

    FaultReport toDomain() {
        return new FaultReport(id, reporter, location, terminal, symptom, observedSince, filedAt, verification);
    }
}
