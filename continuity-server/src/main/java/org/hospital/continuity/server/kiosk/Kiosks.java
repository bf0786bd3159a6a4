package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/** The registered kiosks (HR-2) with their departments, for the board and the readiness watch. */
public interface Kiosks {

    /** A kiosk as registered: {@code status} ENROLLED, REVOKED …; {@code departmentName} from the reference data. */
    record Kiosk(String kioskId, String name, String departmentCode, String departmentName, String status) {
    }

    /** Every kiosk ever registered. */
    Uni<List<Kiosk>> kiosks();

    /** Department names by code, from the kiosks' reference data. */
    Uni<Map<String, String>> departmentNames();
}
