package org.hospital.continuity.playbooks.text;

import java.time.Duration;

/**
 * Durations as staff read them: 30分钟 / 30 min, 6小时 / 6 h, 24小时 / 24 h (as the plan writes EP-5.2.3),
 * 2天 / 2 d. Below two days the hours are counted whole; from two days on, days and hours.
 */
public final class Durations {

    /** From this length on, a duration is written in days. */
    private static final Duration DAYS_FROM = Duration.ofDays(2);

    private Durations() {
    }

    /** {@code 1天2小时30分钟}. */
    public static String zh(Duration d) {
        return format(d, "天", "小时", "分钟", "秒", "");
    }

    /** {@code 1 d 2 h 30 min}. */
    public static String en(Duration d) {
        return format(d, " d", " h", " min", " s", " ");
    }

    /** Both, e.g. {@code 30分钟 / 30 min}. */
    public static Bilingual both(Duration d) {
        return Bilingual.of(zh(d), en(d));
    }

    private static String format(Duration d, String day, String hour, String minute, String second, String gap) {
        if (d.isZero()) {
            return "0" + minute;
        }
        StringBuilder out = new StringBuilder();
        if (d.compareTo(DAYS_FROM) < 0) {
            append(out, d.toHours(), hour, gap);
        } else {
            append(out, d.toDaysPart(), day, gap);
            append(out, d.toHoursPart(), hour, gap);
        }
        append(out, d.toMinutesPart(), minute, gap);
        append(out, d.toSecondsPart(), second, gap);
        return out.toString();
    }

    private static void append(StringBuilder out, long value, String unit, String gap) {
        if (value > 0) {
            if (out.length() > 0) {
                out.append(gap);
            }
            out.append(value).append(unit);
        }
    }
}
