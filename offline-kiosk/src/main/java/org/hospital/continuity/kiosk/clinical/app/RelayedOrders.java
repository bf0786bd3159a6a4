package org.hospital.continuity.kiosk.clinical.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.clinical.domain.RecordStatus;
import org.hospital.continuity.kiosk.enrolment.KioskServer;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.sync.contract.RelayedOrder;

/**
 * EP-6.7: the pharmacy dispenses against a prescription or requisition captured on another kiosk, once it reached the
 * server: asked by the id on the voucher, the server answers the record (its latest correction, HR-9, or that it was
 * voided). Kept in memory for the rest of the kiosk's run, so a second (split) dispense needs no second question; the
 * live relay between stations while the server is unreachable is not this.
 */
@ApplicationScoped
public class RelayedOrders {

    /** A record of another kiosk as this one fills it, and the id the pharmacist typed when it was corrected since. */
    public record Relayed(ClinicalRecord record, UUID asWritten) {
    }

    private final KioskServer server;
    private final Map<UUID, Relayed> known = new ConcurrentHashMap<>();

    public RelayedOrders(KioskServer server) {
        this.server = server;
    }

    /** The record with this id from the server (empty when the server does not answer or holds none). */
    public Optional<Relayed> find(UUID id) {
        Relayed cached = known.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        RelayedOrder o;
        try {
            o = server.get("/api/sync/v1/orders/" + id, RelayedOrder.class);
        } catch (KioskRejection e) {
            Log.debugf("relayed order not available record=%s status=%d", id, e.status());
            return Optional.empty();
        }
        Optional<FormType> type = FormType.ofStreamType(o.streamType())
                .filter(t -> t == FormType.PRESCRIPTION || t == FormType.REQUISITION);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        ClinicalRecord record = new ClinicalRecord(o.recordId(), type.get(), o.eventType(), 0, o.recordedAt(), "RELAYED", o.kioskId(),
                o.payload(), "VOIDED".equals(o.status()) ? RecordStatus.VOIDED : RecordStatus.ACTIVE, null);
        Relayed r = new Relayed(record, o.asWritten());
        known.put(id, r);
        Log.infof("order of another kiosk relayed record=%s from=%s", o.recordId(), o.kioskId());
        return Optional.of(r);
    }
}
