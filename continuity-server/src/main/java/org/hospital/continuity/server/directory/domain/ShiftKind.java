package org.hospital.continuity.server.directory.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * HR-15: the 24-hour IT duty roster. Weekdays 08:00–17:00; nights 18:00–08:00, possibly split into
 * several shifts; holidays 12-hour day (08:00–20:00) and night (20:00–08:00) shifts. Times are the
 * hospital's local time.
 */
public enum ShiftKind {
    WEEKDAY_DAY(LocalTime.of(8, 0), LocalTime.of(17, 0), false),
    NIGHT(LocalTime.of(18, 0), LocalTime.of(8, 0), true),
    HOLIDAY_DAY(LocalTime.of(8, 0), LocalTime.of(20, 0), false),
    HOLIDAY_NIGHT(LocalTime.of(20, 0), LocalTime.of(8, 0), false);

    private final LocalTime from;
    private final LocalTime to;
    private final boolean mayBeSplit;

    ShiftKind(LocalTime from, LocalTime to, boolean mayBeSplit) {
        this.from = from;
        this.to = to;
        this.mayBeSplit = mayBeSplit;
    }

    /**
     * Why a shift of this kind cannot run from {@code start} to {@code end}, or empty when it fits HR-15:
     * it must lie inside the kind's window of one day (a night may be split into several shifts; the
     * other kinds cover their whole window).
     */
    public Optional<String> misfit(Instant start, Instant end, ZoneId zone) {
        if (!end.isAfter(start)) {
            return Optional.of("A shift must end after it starts.");
        }
        ZonedDateTime s = start.atZone(zone);
        LocalDate day = s.toLocalTime().isBefore(from) && to.isBefore(from) ? s.toLocalDate().minusDays(1) : s.toLocalDate();
        ZonedDateTime windowStart = day.atTime(from).atZone(zone);
        ZonedDateTime windowEnd = (to.isBefore(from) ? day.plusDays(1) : day).atTime(to).atZone(zone);
        boolean inside = !start.isBefore(windowStart.toInstant()) && !end.isAfter(windowEnd.toInstant());
        if (!inside) {
            return Optional.of("A " + name() + " shift lies within " + from + "–" + to + " (HR-15).");
        }
        if (!mayBeSplit && (!start.equals(windowStart.toInstant()) || !end.equals(windowEnd.toInstant()))) {
            return Optional.of("A " + name() + " shift runs exactly " + from + "–" + to + " (HR-15).");
        }
        if (Duration.between(start, end).compareTo(Duration.ofHours(1)) < 0) {
            return Optional.of("A shift lasts at least one hour.");
        }
        return Optional.empty();
    }
}
