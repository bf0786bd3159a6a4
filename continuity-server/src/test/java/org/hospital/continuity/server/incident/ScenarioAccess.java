package org.hospital.continuity.server.incident;

import io.restassured.path.json.JsonPath;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.TestClock;

/** Scenario steps for tests in other packages. */
public final class ScenarioAccess {

    private ScenarioAccess() {
    }

    public static void settle(TestClock clock, RunningTheIncidentEngine engine) {
        Scenario.settle(clock, engine);
    }

    public static JsonPath current() {
        return Scenario.current();
    }
}
