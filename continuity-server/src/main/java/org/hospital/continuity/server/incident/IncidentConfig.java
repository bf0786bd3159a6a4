package org.hospital.continuity.server.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The incident engine and the playbook clock ({@code continuity.incident.*}). */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.incident")
public interface IncidentConfig {

    /** How often each instance looks at the persisted next wake-up of the playbook clock. */
    @WithDefault("1S")
    Duration tick();

    /** Set false to run no clock in this instance (tests drive it by hand). */
    @WithDefault("true")
    boolean clockEnabled();

    /**
     * How often the event relay reads the timeline without being woken: a safety net for a missed
     * LISTEN/NOTIFY (the relay is woken at every commit otherwise).
     */
    @WithDefault("5S")
    Duration relayCatchUp();

    /** EP-6.2.4: an incident whose findings all cleared is closed after this long without a new finding. */
    @WithDefault("30M")
    Duration closeAfterQuiet();

    /** EP-4.1 重点终端: ids of the key terminals (a fault there is Class I). */
    Optional<Set<String>> keyTerminals();

    /** EP-5.2 thresholds; the plan's values are the defaults. */
    Ladder ladder();

    /** A folder of hospital playbook files that override or add to the defaults (see docs/operations.md). */
    Optional<String> playbooksDir();

    interface Ladder {
        /** EP-5.2.1: outpatient registration, admission, outpatient doctors, pharmacy. */
        @WithDefault("30M")
        Duration frontDesk();

        /** EP-5.2.2: inpatient doctors, nurse stations, theatres, medical technology. */
        @WithDefault("6H")
        Duration wardsAndTheatres();

        /** EP-5.2.3: every business of the hospital. */
        @WithDefault("24H")
        Duration wholeHospital();
    }
}
