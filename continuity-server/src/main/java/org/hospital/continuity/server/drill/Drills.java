package org.hospital.continuity.server.drill;

import io.smallrye.mutiny.Uni;

/** The drills (EP-9.4) as other features need them: which one runs now, and stopping it for a real fault. */
public interface Drills {

    /** The drill running now, or {@link CurrentDrill#NONE}. */
    Uni<CurrentDrill> current();

    /** HR-21: the drills whose data was purged, newest first (bounded): kiosks purge their training namespaces on this list. */
    Uni<java.util.List<java.util.UUID>> purged();

    /** A real fault during a drill stops the drill at once (a real incident takes over). */
    Uni<Void> stopForRealFault(String what);
}
