package org.hospital.continuity.server.hisfeed;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The HIS reference feed ({@code continuity.his-feed.*}); it reads the HIS through the write-back's FHIR link. */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.his-feed")
public interface HisFeedConfig {

    /**
     * Pull the hospital's reference from the HIS on a schedule (census, doctors, departments, price catalogue, drug
     * dictionary, allergies). Off: the kiosks' reference comes from the seed and the CSV imports only. On, the demo seed's
     * departments, doctors and patients are not seeded.
     */
    @WithDefault("false")
    boolean enabled();

    /** How often the feed pulls while the HIS answers (a piece the HIS reports unchanged is not read again). */
    @WithDefault("5M")
    Duration interval();

    /** How long after start-up the first pull waits. */
    @WithDefault("20S")
    Duration startDelay();

    /** A piece whose last answer from the HIS is older than this is stale (readiness shows it; IT is told). */
    @WithDefault("30M")
    Duration staleAfter();

    /** How far ahead the MAR (planned administrations) is read: the plan's next 24 hours. */
    @WithDefault("24H")
    Duration marWindow();

    /** The HL7 v2 ADT feed ({@code continuity.his-feed.adt.*}): the census from a HIS that speaks v2. */
    Adt adt();

    /**
     * When the HIS link is HL7 v2 ({@code continuity.writeback.link=hl7v2}) and the feed is on, the server listens for the
     * HIS's ADT messages (A01, A02, A03, A08) over MLLP and keeps the census from them.
     */
    interface Adt {
        /** The MLLP port the server listens on for the HIS's ADT messages (0: any free port, tests). */
        @WithDefault("2576")
        int port();
    }

    /** Entries per page read from the HIS. */
    @WithDefault("200")
    int pageSize();
}
