package org.hospital.continuity.playbooks.text;

import java.util.Objects;

/**
 * A text in Simplified Chinese (what staff read first) and English (for code, logs and docs).
 *
 * @param zh the Chinese text, never blank
 * @param en the English text, never blank
 */
public record Bilingual(String zh, String en) {

    public Bilingual {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("both zh and en text are required");
        }
    }

    /** Shorthand constructor. */
    public static Bilingual of(String zh, String en) {
        return new Bilingual(zh, en);
    }

    /** Both languages on one line: {@code 中文 / English}. */
    public String both() {
        return zh + " / " + en;
    }

    @Override
    public String toString() {
        return both();
    }
}
