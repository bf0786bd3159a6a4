package org.hospital.continuity.server.board.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * EP-8.4 on the board: once the system is back, important data is entered the same day and all back-entry is
 * finished by the next day (当日完成重要数据录入，第二天完成全部数据补录). The same reckoning as the workbench's
 * parcels: "important" items are due at the end of the day the system came back, all items at the
 * end of the next day, in the hospital's time zone.
 */
public final class BackEntry {

    private BackEntry() {
    }

    /** How many workbench items there are and how many are resolved, all and important ones. */
    public record Count(int total, int done, int important, int importantDone) {
        public Count {
            if (total < 0 || done < 0 || important < 0 || importantDone < 0 || done > total || important > total
                    || importantDone > important) {
                throw new IllegalArgumentException("inconsistent back-entry count " + total + "/" + done + "/" + important + "/"
                        + importantDone);
            }
        }

        public Count plus(Count o) {
            return new Count(total + o.total, done + o.done, important + o.important, importantDone + o.importantDone);
        }

        public static Count none() {
            return new Count(0, 0, 0, 0);
        }
    }

    /** The two EP-8.4 deadlines. */
    public record Deadlines(Instant importantDue, Instant allDue) {
    }

    /**
     * Where back-entry stands at {@code now}: each deadline is met (all its items resolved), late (passed with items
     * open), or running with the time left.
     */
    public record Standing(Count count, Deadlines deadlines, boolean importantFinished, boolean allFinished, boolean importantLate,
                           boolean allLate, long importantSecondsLeft, long allSecondsLeft) {
    }

    /** EP-8.4: the end of the day the system came back, and the end of the next day. */
    public static Deadlines deadlines(Instant recoveredAt, ZoneId zone) {
        LocalDate day = recoveredAt.atZone(zone).toLocalDate();
        return new Deadlines(day.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant(),
                day.plusDays(2).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant());
    }

    /** @param recoveredAt when the system was back; null while it is not (no deadline runs yet) */
    public static Standing standing(Count count, Instant recoveredAt, ZoneId zone, Instant now) {
        boolean importantFinished = count.importantDone() == count.important();
        boolean allFinished = count.done() == count.total();
        if (recoveredAt == null) {
            return new Standing(count, null, importantFinished, allFinished, false, false, 0, 0);
        }
        Deadlines d = deadlines(recoveredAt, zone);
        return new Standing(count, d, importantFinished, allFinished,
                !importantFinished && !now.isBefore(d.importantDue()), !allFinished && !now.isBefore(d.allDue()),
                Math.max(0, Duration.between(now, d.importantDue()).toSeconds()), Math.max(0, Duration.between(now, d.allDue()).toSeconds()));
    }
}
