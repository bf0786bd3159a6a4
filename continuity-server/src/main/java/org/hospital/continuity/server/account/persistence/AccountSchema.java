package org.hospital.continuity.server.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class AccountSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0210__account.sql", "db/migration/V0220__account_one_time_password.sql");
    }
}
