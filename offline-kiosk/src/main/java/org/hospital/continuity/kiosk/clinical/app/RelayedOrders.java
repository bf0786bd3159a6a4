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
import org.hospital.continuity.sync.contract.RelayFeed;
import org.hospital.continuity.kiosk.relay.RelayInbox;
import java.util.List;

/**
 * EP-6.7: the pharmacy dispenses against a prescription or requisition captured on another kiosk, once it reached the
 * server: asked by the id on the voucher, the server answers the record (its latest correction, HR-9, or that it was
 * voided). Kept in memory for the rest of the kiosk's run, so a second (split) dispense needs no second question. What the
 * live relay already brought ({@link RelayInbox}) is answered first, without the server.
 */
@ApplicationScoped
public class RelayedOrders {

    /** A record of another kiosk as this one fills it, and the id the pharmacist typed when it was corrected since. */
    public record Relayed(ClinicalRecord record, UUID asWritten) {
    }

    private final KioskServer server;
    private final RelayInbox inbox;
    private final Map<UUID, Relayed> known = new ConcurrentHashMap<>();

    public RelayedOrders(KioskServer server, RelayInbox inbox) {
        this.server = server;
        this.inbox = inbox;
    }

    /**
     * HIS down, LAN up: the record as the relay brought it to this kiosk (its latest correction, or voided), so the pharmacy
     * fills it without asking the server, also after the LAN went down too.
     */
    Optional<Relayed> fromInbox(UUID id) {
        UUID current = id;
        for (int depth = 0; depth <= 10; depth++) {
            List<RelayFeed.Entry> entries = inbox.record(current);
            Optional<RelayFeed.Entry> first = entries.stream().filter(e -> e.streamVersion() == 1).findFirst();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            Optional<FormType> type = FormType.ofStreamType(first.get().streamType())
                    .filter(t -> t == FormType.PRESCRIPTION || t == FormType.REQUISITION);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            boolean voided = entries.stream().anyMatch(e -> "ClinicalFormVoided".equals(e.eventType()));
            Optional<UUID> correctedBy = entries.stream().filter(e -> "ClinicalFormCorrected".equals(e.eventType()))
                    .map(e -> e.payload().path("correctedBy").asText(null)).filter(x -> x != null).map(UUID::fromString).findFirst();
            if (correctedBy.isPresent() && !inbox.record(correctedBy.get()).isEmpty()) {
                current = correctedBy.get();
                continue;
            }
            RelayFeed.Entry e = first.get();
            ClinicalRecord record = new ClinicalRecord(e.recordId(), type.get(), e.eventType(), 0, e.recordedAt(), "RELAYED", e.kioskId(),
                    e.payload(), voided ? RecordStatus.VOIDED : RecordStatus.ACTIVE, null);
            return Optional.of(new Relayed(record, current.equals(id) ? null : id));
        }
        return Optional.empty();
    }

    /** The record with this id from the server (empty when the server does not answer or holds none). */
    public Optional<Relayed> find(UUID id) {
        Optional<Relayed> relayed = fromInbox(id);
        if (relayed.isPresent()) {
            return relayed;
        }
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
