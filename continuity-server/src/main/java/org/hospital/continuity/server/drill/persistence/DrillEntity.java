package org.hospital.continuity.server.drill.persistence;

import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code drill} (V0800). Started, linked to its incident and marked purged by {@link DrillRows} in the
 * transactions it shares with the incident engine; ended and reported here.
 */
@Entity
@Table(name = "drill")
public class DrillEntity {

    @Id
    public UUID id;
    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;
    @Column(name = "title_zh", nullable = false)
    public String titleZh;
    @Column(name = "title_en", nullable = false)
    public String titleEn;
    /** Engine seconds per real second. */
    @Column(nullable = false)
    public int factor;
    /** RUNNING, FINISHED or STOPPED. */
    @Column(nullable = false)
    public String status;
    @Column(name = "real_started_at", nullable = false)
    public Instant realStartedAt;
    @Column(name = "real_ended_at")
    public Instant realEndedAt;
    @Column(name = "engine_ended_at")
    public Instant engineEndedAt;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "started_by", nullable = false)
    public String startedBy;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "load_kiosks", nullable = false)
    public int loadKiosks;
    /** jsonb: the stored report, the copy a purge keeps. */
    public JsonObject report;
    @Column(name = "report_at")
    public Instant reportAt;
    @Column(name = "purged_at")
    public Instant purgedAt;

    DrillStore.DrillRow toRecord() {
        return new DrillStore.DrillRow(id, scenarioId, titleZh, titleEn, factor, status, realStartedAt, realEndedAt, engineEndedAt,
                incidentId, startedBy, endedBy, endReason, report, purgedAt);
    }
}
