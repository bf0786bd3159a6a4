package org.hospital.continuity.server.drill.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.drill.CurrentDrill;
import org.hospital.continuity.server.drill.Drills;

/** The drill feature's answer to {@link Drills}. */
@ApplicationScoped
public class AnsweringForDrills implements Drills {

    /** How many purged drills kiosks are told of (a kiosk offline through more purges than this purges the rest by hand). */
    static final int PURGED_TOLD = 50;

    private final RunningDrills running;
    private final org.hospital.continuity.server.drill.persistence.TrainingEntryRows training;

    public AnsweringForDrills(RunningDrills running, org.hospital.continuity.server.drill.persistence.TrainingEntryRows training) {
        this.running = running;
        this.training = training;
    }

    @Override
    public Uni<java.util.List<java.util.UUID>> purged() {
        return training.purgedDrills(PURGED_TOLD);
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
