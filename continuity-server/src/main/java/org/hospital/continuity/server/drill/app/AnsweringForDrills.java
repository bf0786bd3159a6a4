package org.hospital.continuity.server.drill.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.drill.CurrentDrill;
import org.hospital.continuity.server.drill.Drills;

/** The drill feature's answer to {@link Drills}. */
@ApplicationScoped
public class AnsweringForDrills implements Drills {

    private final RunningDrills running;

    public AnsweringForDrills(RunningDrills running) {
        this.running = running;
    }

    @Override
    public Uni<CurrentDrill> current() {
        return running.current().map(DrillViews::current);
    }

    @Override
    public Uni<Void> stopForRealFault(String what) {
        return running.stopForRealFault(what);
    }
}
