package org.hospital.continuity.server.fault.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.fault.FaultReport;

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
    public String area;
    @Column(name = "symptom_code")
    public String symptomCode;
    public String ward;
    public String building;
    public String subnet;
    @Column(name = "filed_by")
    public UUID filedBy;
    @Column(name = "verified_by")
    public UUID verifiedBy;
    @Column(name = "verified_by_name")
    public String verifiedByName;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    public String cause;
    @Column(name = "verification_note")
    public String verificationNote;

    static FaultReportEntity from(FaultReport r) {
        FaultReportEntity e = new FaultReportEntity();
        e.id = r.id();
        e.copy(r);
        return e;
    }

    void copy(FaultReport r) {
        reporter = r.reporter();
        location = r.location();
        terminal = r.terminal();
        symptom = r.symptom();
        observedSince = r.observedSince();
        filedAt = r.filedAt();
        verification = r.verification();
        area = r.area();
        symptomCode = r.symptomCode();
        ward = r.ward();
        building = r.building();
        subnet = r.subnet();
        filedBy = r.filedBy();
        r.check().ifPresent(c -> {
            verifiedBy = c.personId();
            verifiedByName = c.personName();
            verifiedAt = c.at();
            cause = c.cause();
            verificationNote = c.note();
        });
    }

    FaultReport toDomain() {
        Optional<FaultReport.Check> check = verifiedAt == null ? Optional.empty()
                : Optional.of(new FaultReport.Check(verifiedBy, verifiedByName, verifiedAt, cause, verificationNote));
        return new FaultReport(id, reporter, location, terminal, symptom, observedSince, filedAt, verification, area, symptomCode,
                ward, building, subnet, filedBy, check);
    }
}
