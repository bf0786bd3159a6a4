package org.hospital.continuity.server.readiness.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.hospital.continuity.server.readiness.KioskReports;
import org.hospital.continuity.server.readiness.persistence.ReadinessStore;

/** The readiness feature's answer to {@link KioskReports}: the kiosks' last readiness reports. */
@ApplicationScoped
public class AnsweringForKioskReports implements KioskReports {

    private final ReadinessStore store;

    public AnsweringForKioskReports(ReadinessStore store) {
        this.store = store;
    }

    @Override
    public Uni<Map<String, Heartbeat>> lastHeartbeats() {
        return store.lastReports().map(reports -> {
            Map<String, Heartbeat> out = new HashMap<>();
            reports.forEach((id, r) -> out.put(id, new Heartbeat(id, r.reportedAt(), r.backlogPending(), r.oldestUnsentAt())));
            return out;
        });
    }
}
