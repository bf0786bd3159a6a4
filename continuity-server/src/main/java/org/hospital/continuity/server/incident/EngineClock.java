package org.hospital.continuity.server.incident;

import java.time.InstantSource;

/**
 * The clock the incident engine, the playbook clock and IT's decisions run on: real time, or the compressed
 * time of a drill that runs (EP-9.4). The drill feature provides it; the rest of the server keeps real time.
 */
public interface EngineClock extends InstantSource {

    /** Engine seconds per real second: a drill's compression factor, 1 in real time (pages count down at this rate). */
    default int rate() {
        return 1;
    }

    /**
     * A real instant (a person's action, a notice sent) on this clock: itself in real time; during a drill the drill
     * time it happened at, so that a drill's pages never mix the two clocks (EP-9.4).
     */
    default java.time.Instant onThisClock(java.time.Instant real) {
        return real;
    }
}
