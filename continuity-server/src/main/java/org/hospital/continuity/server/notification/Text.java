package org.hospital.continuity.server.notification;

import org.hospital.continuity.server.platform.text.Language;
import java.util.Objects;

/** A value put into a message, in both languages (a department name, a class, a plain-words summary). */
public record Text(String zh, String en) {

    public Text {
        Objects.requireNonNull(zh, "zh");
        en = en == null || en.isBlank() ? zh : en;
    }

    /** The same text in both languages (times, numbers, links). */
    public static Text plain(String value) {
        return new Text(value, value);
    }

    public String in(Language language) {
        return language == Language.EN ? en : zh;
    }
}
