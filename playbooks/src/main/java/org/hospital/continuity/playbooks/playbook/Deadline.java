package org.hospital.continuity.playbooks.playbook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.hospital.continuity.playbooks.text.Bilingual;
import org.hospital.continuity.playbooks.text.Durations;

/**
 * When a playbook step must be done, counted from the moment its trigger fired. Written in a playbook file as
 * an ISO duration ({@code PT30M}, {@code P2D} for EP-8.6 "within 2 days"), {@code IMMEDIATELY},
 * {@code END_OF_DAY} (EP-8.4 important data the same day) or {@code END_OF_NEXT_DAY} (EP-8.4 all back-entry
 * by the next day).
 */
public sealed interface Deadline {

    /** File keyword for {@link Within} zero. */
    String IMMEDIATELY = "IMMEDIATELY";
    /** File keyword for {@link EndOfDay} 0. */
    String END_OF_DAY = "END_OF_DAY";
    /** File keyword for {@link EndOfDay} 1. */
    String END_OF_NEXT_DAY = "END_OF_NEXT_DAY";

    /** The instant the step is due, given when the trigger fired and the hospital's time zone. */
    Instant dueAt(Instant triggeredAt, ZoneId zone);

    /** In words. */
    Bilingual label();

    /** As written in a file. */
    String code();

    /** Within a duration of the trigger; zero means immediately. */
    record Within(Duration duration) implements Deadline {
        public Within {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a deadline cannot be negative");
            }
        }

        @Override
        public Instant dueAt(Instant triggeredAt, ZoneId zone) {
            return triggeredAt.plus(duration);
        }

        @Override
        public Bilingual label() {
            if (duration.isZero()) {
                return Bilingual.of("立即", "immediately");
            }
            return Bilingual.of(Durations.zh(duration) + "内", "within " + Durations.en(duration));
        }

        @Override
        public String code() {
            return duration.isZero() ? IMMEDIATELY : duration.toString();
        }
    }

    /** By midnight at the end of the trigger's day ({@code daysAfter} 0) or of a later day, in the hospital's zone. */
    record EndOfDay(int daysAfter) implements Deadline {
        public EndOfDay {
            if (daysAfter < 0) {
                throw new IllegalArgumentException("daysAfter cannot be negative");
            }
        }

        @Override
        public Instant dueAt(Instant triggeredAt, ZoneId zone) {
            return triggeredAt.atZone(zone).toLocalDate().plusDays(daysAfter + 1L).atStartOfDay(zone).toInstant();
        }

        @Override
        public Bilingual label() {
            return switch (daysAfter) {
                case 0 -> Bilingual.of("当日内", "by the end of the day");
                case 1 -> Bilingual.of("次日内", "by the end of the next day");
                default -> Bilingual.of(daysAfter + "日后当天内", "by the end of day +" + daysAfter);
            };
        }

        @Override
        public String code() {
            return daysAfter == 0 ? END_OF_DAY : daysAfter == 1 ? END_OF_NEXT_DAY : "END_OF_DAY+" + daysAfter;
        }
    }
}
