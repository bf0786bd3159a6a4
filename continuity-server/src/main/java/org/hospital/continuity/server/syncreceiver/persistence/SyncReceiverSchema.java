package org.hospital.continuity.server.syncreceiver.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class SyncReceiverSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0500__sync_receiver.sql", "db/migration/V0501__sync_unreadable_on_kiosk.sql",
                "db/migration/V0530__sync_relay_position.sql");
    }
}
