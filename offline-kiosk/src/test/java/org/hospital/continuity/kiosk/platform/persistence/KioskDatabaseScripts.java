package org.hospital.continuity.kiosk.platform.persistence;

import java.util.List;

/** Test access to the package-private script splitter. */
public final class KioskDatabaseScripts {

    private KioskDatabaseScripts() {
    }

    public static List<String> split(String script) {
        return SchemaMigrations.statements(script);
    }
}
