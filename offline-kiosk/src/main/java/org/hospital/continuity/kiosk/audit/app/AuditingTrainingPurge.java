package org.hospital.continuity.kiosk.audit.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hospital.continuity.kiosk.journal.PurgingTraining;
import org.hospital.continuity.sync.audit.AuditCategories;

/** HR-8, HR-21: the purge of a drill's training namespace on the server's signal is on record here, with counts only. */
@ApplicationScoped
public class AuditingTrainingPurge {

    private final KioskAuditLog audit;

    public AuditingTrainingPurge(KioskAuditLog audit) {
        this.audit = audit;
    }

    void onPurged(@Observes PurgingTraining.Purged purged) {
        audit.append(new KioskAuditLog.Event("continuity-server", "SYSTEM", "training-purge", AuditCategories.CHANGE, "SUCCESS", "drill",
                purged.drill().toString(), "training entries=" + purged.entries() + " read-model rows=" + purged.projections()));
    }
}
