package org.hospital.continuity.server.writeback.app;

import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hospital.continuity.server.writeback.integration.Hl7v2HisPort;
import org.hospital.continuity.server.writeback.integration.Hl7v2Messages;
import org.hospital.continuity.server.writeback.link.MllpTestHis;
import org.hospital.continuity.sync.his.HisPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * EP-8.4 the conservation test of {@link ConservationTest} (every kind, orphans, a correction, voids, a partial dispense, an
 * unknown code, a corrupt record in the middle; again after a replay and from an empty ledger) written through the HL7 v2
 * link into a small HIS speaking HL7 v2 over MLLP ({@link MllpTestHis}).
 */
class ConservationHl7v2Test extends ConservationTest {

    static MllpTestHis mllp;
    static Hl7v2HisPort v2;

    /** Hides {@link ConservationTest#connect()}: no FHIR server for this link. */
    @BeforeAll
    static void connect() {
        mllp = new MllpTestHis();
        v2 = new Hl7v2HisPort("127.0.0.1", mllp.port(), "HIS", "HOSPITAL", ZoneId.of("Asia/Shanghai"), InstantSource.system(),
                Duration.ofSeconds(5), 2);
    }

    @AfterAll
    static void stop() {
        v2.close();
        mllp.close();
    }

    @Override
    @BeforeEach
    void emptyHis() {
        mllp.reset();
        v2.forgetCount();
    }

    @Override
    protected HisPort link() {
        return v2;
    }

    @Override
    protected String seedInpatient(String id, String number) {
        return Hl7v2Messages.patientRef(mllp.seedAs(id, "欧阳", "娜娜", "F", LocalDate.of(1960, 4, 1), null, null, number));
    }

    /** Messages stored and patients held: a replay adds neither. */
    @Override
    protected long resourcesInHis() {
        return mllp.count();
    }

    @Override
    protected long chargeLinesInHis() {
        return mllp.chargeLines();
    }
}
