package org.hospital.continuity.server.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class NotificationSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0600__notification.sql", "db/migration/V0610__notification_group_post.sql");
    }
}
