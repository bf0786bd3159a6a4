package org.hospital.continuity.kiosk.audit.app;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.kiosk.journal.CaptureCompanion;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * Writes the audit entry of a request that captures a record in the capture's own transaction
 * (HR-8, HR-9): the record and its audit entry become durable together or not at all, and the submit
 * costs one commit. The entry says SUCCESS (it only commits if the capture does); its record id is
 * the route's path parameters and, for a new record, {@code created=<stream id>} — what the
 * response's Location header names. A request that fails after all is audited again by
 * {@code KioskAuditFilter} with its status.
 */
@ApplicationScoped
public class CaptureAudit implements CaptureCompanion {

    private final KioskAuditLog log;
    private final CurrentRequest request;
    private final ManagedContext requestContext;

    public CaptureAudit(KioskAuditLog log, CurrentRequest request) {
        this.log = log;
        this.request = request; // a client proxy: usable only while a request context is active
        this.requestContext = Arc.container().requestContext();
    }

    @Override
    public Part begin() {
        if (!requestContext.isActive()) {
            return null; // a capture outside an HTTP request (scheduler, sync agent): nothing to audit here
        }
        KioskAuditLog.Event expected = request.expected();
        if (expected == null) {
            return null;
        }
        String source = request.source();
        CurrentRequest current = request;
        return new Part() {
            @Override
            public void write(WriteTransaction transaction, List<JournalEntry> appended) {
                log.appendIn(transaction, complete(expected, appended), source);
            }

            @Override
            public void committed() {
                current.audited(); // on the caller's thread: the request context is still active
            }
        };
    }

    static KioskAuditLog.Event complete(KioskAuditLog.Event e, List<JournalEntry> appended) {
        String recordId = e.recordId() == null ? "" : e.recordId();
        if (!appended.isEmpty() && appended.get(0).streamVersion() == 1) {
            recordId = (recordId.isEmpty() ? "" : recordId + ",") + "created=" + appended.get(0).streamId();
        }
        return new KioskAuditLog.Event(e.actor(), e.actorKind(), e.action(), e.category(), "SUCCESS", e.recordType(), recordId,
                e.detail());
    }
}
