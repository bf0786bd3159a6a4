package org.hospital.continuity.playbooks.text;

import java.time.Duration;

/** Durations as staff read them: 30分钟 / 30 min, 6小时 / 6 h, 1天2小时 / 1 d 2 h. */
public final class Durations {

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
        append(out, d.toDaysPart(), day, gap);
        append(out, d.toHoursPart(), hour, gap);
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
