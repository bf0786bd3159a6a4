package org.hospital.continuity.server.reconciliation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

/** The workbench's own tables (the older ones were created with write-back's, V0700–V0720): trace closures. */
@ApplicationScoped
public class ReconciliationSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0740__workbench_trace_closure.sql");
    }
}
