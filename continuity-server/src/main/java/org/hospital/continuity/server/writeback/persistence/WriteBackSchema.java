package org.hospital.continuity.server.writeback.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

import java.util.List;

/** Tables of write-back and the reconciliation workbench (V0700–V0799). */
@ApplicationScoped
public class WriteBackSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0700__writeback.sql", "db/migration/V0710__workbench_reads_parcels.sql",
                "db/migration/V0720__workbench_trace_reads.sql", "db/migration/V0730__writeback_records.sql",
                "db/migration/V0750__workbench_correction_approval.sql");
    }
}
