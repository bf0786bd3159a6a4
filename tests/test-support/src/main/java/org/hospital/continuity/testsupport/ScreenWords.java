package org.hospital.continuity.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word on a screen is Chinese (English only on the language toggle): what on a page's visible text is not. A
 * finding is a Latin-only word outside a short allow-list (keys, clause ids, the dose units and routes the hospital
 * writes, the hospital's own words HIS and CT), a UUID, or an ISO timestamp. One rule for the kiosk's page sweep, the
 * packaged-apps journeys and the server's pages.
 */
public final class ScreenWords {

    /** Words people at the hospital read as they are: keys, the plan's clause ids, dose units and routes, the toggle. */
    public static final Set<String> ALLOWED = Set.of("Alt", "Ctrl", "Enter", "Esc", "Tab", "Shift", "Delete", "EP", "HR", "English", "DRILL",
            "g", "mg", "ml", "po", "iv", "ivgtt", "im", "ih", "tid", "bid", "qd", "prn", "topical", "inhal",
            // the hospital's own words, written this way in Chinese notices and orders and in the plan: the HIS (信息科通知：HIS故障),
            // a CT scan (胸部CT), the other systems the plan names (PACS、LIS等系统转入手工操作, EMR)
            "HIS", "CT", "PACS", "LIS", "EMR");
    /** A word of Latin letters; not the letters of a code joined to its number by a hyphen (a stub number JC-0042). */
    static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9]|\\d-)[A-Za-z]{2,}(?![A-Za-z0-9]|-\\d)");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private ScreenWords() {
    }

    /** What is wrong on a page's visible text (empty: nothing). */
    public static List<String> findings(String where, String text) {
        return findings(where, text, Set.of());
    }

    /**
     * The same, also allowing {@code hospitalCodes}: codes the hospital itself reads as they are (the catalogue's pinyin
     * codes, 拼音码, which pick lists show next to each item as the HIS does).
     */
    public static List<String> findings(String where, String text, Set<String> hospitalCodes) {
        List<String> out = new ArrayList<>();
        Matcher w = LATIN_WORD.matcher(text);
        while (w.find()) {
            if (!ALLOWED.contains(w.group()) && !hospitalCodes.contains(w.group())) {
                out.add(where + ": Latin word \"" + w.group() + "\" in …" + around(text, w.start()) + "…");
            }
        }
        Matcher u = UUID_TEXT.matcher(text);
        while (u.find()) {
            out.add(where + ": an id " + u.group());
        }
        Matcher i = ISO_TIME.matcher(text);
        while (i.find()) {
            out.add(where + ": an ISO time in …" + around(text, i.start()) + "…");
        }
        return out;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30)).replace('\n', ' ');
    }
}
