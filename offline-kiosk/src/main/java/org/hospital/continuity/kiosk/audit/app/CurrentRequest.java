package org.hospital.continuity.kiosk.audit.app;

import jakarta.enterprise.context.RequestScoped;

/**
 * The audit state of the HTTP request being served (HR-8): what its audit entry will say, noted by the
 * request filter before the resource runs, and whether that entry was already written together with
 * the request's capture. Fields are volatile: the filter and the resource may run on different threads.
 */
@RequestScoped
public class CurrentRequest {

    private volatile KioskAuditLog.Event expected;
    private volatile String source = "";
    private volatile boolean audited;

    /** The request changes something: its entry, without outcome, and the client address. */
    public void expect(KioskAuditLog.Event event, String source) {
        this.expected = event;
        this.source = source == null ? "" : source;
    }

    /** The entry to write with a capture, when this request expects one and has none yet. */
    public KioskAuditLog.Event expected() {
        return audited ? null : expected;
    }

    public String source() {
        return source;
    }

    /** The request's entry is durable with its capture. */
    public void audited() {
        audited = true;
    }

    public boolean isAudited() {
        return audited;
    }
}
