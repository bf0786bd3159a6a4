package org.hospital.continuity.server.board.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Elapsed outage time against the downtime ladder (EP-5.2): 30 minutes, 6 hours, 24 hours. The incident
 * engine's schedule is used when it has one (holidays and patient volume may shift it, EP-5.1); otherwise
 * the plan's own thresholds from the outage start.
 */
public final class Thresholds {

    /** A threshold of the ladder as scheduled: which step, its clause, when it is due. */
    public record Milestone(String step, String clause, Duration threshold, Instant dueAt) {
    }

    /** Where the outage stands against one threshold. */
    public record State(String step, String clause, Duration threshold, Instant dueAt, boolean passed, Duration remaining) {
    }

    /** EP-5.2.1–5.2.3 as written in the plan. */
    public static final List<Milestone> PLAN = List.of(
            new Milestone("THIRTY_MINUTES", "EP-5.2.1", Duration.ofMinutes(30), null),
            new Milestone("SIX_HOURS", "EP-5.2.2", Duration.ofHours(6), null),
            new Milestone("TWENTY_FOUR_HOURS", "EP-5.2.3", Duration.ofHours(24), null));

    private Thresholds() {
    }

    /** How long the outage has lasted: until its end, or until now while it goes on; zero without an outage. */
    public static Duration elapsed(Instant outageStart, Instant outageEnd, Instant now) {
        if (outageStart == null) {
            return Duration.ZERO;
        }
        Instant until = outageEnd != null ? outageEnd : now;
        return until.isBefore(outageStart) ? Duration.ZERO : Duration.between(outageStart, until);
    }

    /**
     * The three thresholds with their due times and whether the outage passed them.
     *
     * @param schedule the engine's milestones (may be empty: the plan's thresholds from the start are used)
     */
    public static List<State> of(Instant outageStart, Instant outageEnd, List<Milestone> schedule, Instant now) {
        List<State> out = new ArrayList<>();
        if (outageStart == null) {
            return out;
        }
        Duration elapsed = elapsed(outageStart, outageEnd, now);
        for (Milestone plan : PLAN) {
            Milestone m = schedule.stream().filter(s -> s.clause().equals(plan.clause())).findFirst().orElse(plan);
            Instant due = m.dueAt() != null ? m.dueAt() : outageStart.plus(m.threshold());
            Duration threshold = Duration.between(outageStart, due);
            boolean passed = elapsed.compareTo(threshold) >= 0;
            out.add(new State(plan.step(), plan.clause(), threshold, due, passed, passed ? Duration.ZERO : threshold.minus(elapsed)));
        }
        return out;
    }
}
