package org.hospital.continuity.server.drill.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A row of {@code drill_step} (V0800): one of the scenario's signals as the server played it. */
@Entity
@Table(name = "drill_step")
@IdClass(DrillStepEntity.Key.class)
public class DrillStepEntity {

    /** The primary key (drill_id, idx). */
    public static class Key implements Serializable {
        public UUID drillId;
        public int index;

        public Key() {
        }

        public Key(UUID drillId, int index) {
            this.drillId = drillId;
            this.index = index;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(drillId, k.drillId) && index == k.index;
        }

        @Override
        public int hashCode() {
            return Objects.hash(drillId, index);
        }
    }

    @Id
    @Column(name = "drill_id")
    public UUID drillId;
    @Id
    @Column(name = "idx")
    public int index;
    @Column(nullable = false)
    public String kind;
    @Column(name = "signal_id")
    public String signalId;
    @Column(name = "summary_zh", nullable = false)
    public String summaryZh;
    @Column(name = "summary_en", nullable = false)
    public String summaryEn;
    /** Engine (drill) time. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    /** Real time. */
    @Column(name = "played_at", nullable = false)
    public Instant playedAt;
    /** Engine time when played. */
    @Column(name = "engine_at", nullable = false)
    public Instant engineAt;

    DrillStore.StepRow toRecord() {
        return new DrillStore.StepRow(index, kind, signalId, summaryZh, summaryEn, dueAt, playedAt, engineAt);
    }
}
