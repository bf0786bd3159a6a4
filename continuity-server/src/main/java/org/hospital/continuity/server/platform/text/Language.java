package org.hospital.continuity.server.platform.text;

import java.util.Locale;

/** The language a person reads notifications in: Simplified Chinese by default, English selectable per person. */
public enum Language {
    ZH_CN(Locale.SIMPLIFIED_CHINESE, "zh-CN"),
    EN(Locale.ENGLISH, "en");

    private final Locale locale;
    private final String tag;

    Language(Locale locale, String tag) {
        this.locale = locale;
        this.tag = tag;
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return tag;
    }

    /** {@code en}, {@code en-US} → English; anything else (or nothing) → Chinese, the default. */
    public static Language fromTag(String tag) {
        if (tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return EN;
        }
        return ZH_CN;
    }
}
