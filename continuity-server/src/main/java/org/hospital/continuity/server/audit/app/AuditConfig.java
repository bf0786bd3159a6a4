package org.hospital.continuity.server.audit.app;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What the audit log records beyond every change (HR-8); keys set in application.properties, so known at static init. */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.audit")
public interface AuditConfig {

    /**
     * Path prefixes whose GET routes return patient data; every read through them is audited (HR-5, HR-8):
     * the reconciliation workbench, write-back, reports, and the kiosk snapshot (known patients).
     */
    @WithDefault("/api/workbench,/api/writeback,/api/reports,/api/patients,/api/reconciliation,/api/kiosk/snapshot,/api/downtime,/api/audit")
    List<String> patientDataPaths();

    /** Changing routes never audited by the request filter: their own code writes a richer entry (sign-in: the account). */
    @WithDefault("/api/auth/login")
    List<String> skipPaths();

    /**
     * Kiosk machine traffic audited only when refused (a revoked or forged kiosk is reported; accepted pushes are
     * receipted by the sync receiver, accepted audit uploads are themselves audit entries).
     */
    @WithDefault("/api/sync/v1/push,/api/kiosk/audit")
    List<String> refusalsOnlyPaths();

    /** Largest page of an audit search (IT administrators). */
    @WithDefault("200")
    int maxPageSize();

    /** How often the chain's head is signed and kept outside the table (HR-8); the scheduler reads the same key. */
    @WithDefault("5m")
    String checkpointEvery();

    /** Folder of the audit anchor (signed checkpoints of the chain's head, and the key file): default {@code <data-dir>/audit}. */
    java.util.Optional<String> anchorDir();

    /** The checkpoints' HMAC key, base64 of at least 32 bytes (from the environment); without it a key file in the anchor folder. */
    java.util.Optional<String> anchorKey();

    /** Most entries in one export for the auditors (narrow the period to get the rest). */
    @WithDefault("100000")
    int maxExport();
}
