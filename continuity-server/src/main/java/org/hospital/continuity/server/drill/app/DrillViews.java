package org.hospital.continuity.server.drill.app;

import org.hospital.continuity.server.drill.CurrentDrill;
import org.hospital.continuity.server.drill.persistence.DrillStore.DrillRow;

/** The drill as kiosks and boards show it. */
public final class DrillViews {

    private DrillViews() {
    }

    public static CurrentDrill current(DrillRow d) {
        return d == null ? CurrentDrill.NONE
                : new CurrentDrill(true, d.id(), d.titleZh(), d.titleEn(), d.realStartedAt(), d.factor(),
                "演练 DRILL — " + d.titleZh() + "(本次为演练,不影响真实HIS)", "DRILL — " + d.titleEn() + " (a drill; the real HIS is not touched)");
    }
}
