package org.hospital.continuity.sync.matching;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sound of a Chinese name, for the data-entry slip a kiosk operator makes when a name is spoken:
 * a homophone (同音字) written for the right character (王伟 → 王玮, 王 → 汪). Readings are toneless
 * pinyin; a polyphonic character (单 dan/shan) has several, and two characters sound alike when any
 * of their readings is the same.
 */
public final class NamePinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, Set<String>> READINGS = new ConcurrentHashMap<>();
    private static volatile Map<String, Set<Character>> byReading;

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private NamePinyin() {
    }

    /** The toneless readings of one character; a character that is not Chinese reads as itself. */
    public static Set<String> readings(char c) {
        return READINGS.computeIfAbsent(c, NamePinyin::read);
    }

    private static Set<String> read(char c) {
        try {
            String[] r = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (r == null || r.length == 0) {
                return Set.of(String.valueOf(Character.toLowerCase(c)));
            }
            return Set.copyOf(new LinkedHashSet<>(java.util.Arrays.asList(r)));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the two characters share a reading. */
    public static boolean soundAlike(char a, char b) {
        if (a == b) {
            return true;
        }
        Set<String> ra = readings(a);
        for (String r : readings(b)) {
            if (ra.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** True when the names have the same length and every character sounds like the other's (equal names included). */
    public static boolean homophones(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (!soundAlike(a.charAt(i), b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every character that shares a reading with {@code c} (c included), from the CJK Unified Ideographs
     * block: the surnames a hurried operator may have written for the surname {@code c}.
     */
    public static Set<String> soundAlikes(char c) {
        Map<String, Set<Character>> index = byReading;
        if (index == null) {
            index = buildIndex();
        }
        Set<String> out = new TreeSet<>();
        out.add(String.valueOf(c));
        for (String r : readings(c)) {
            for (Character x : index.getOrDefault(r, Set.of())) {
                out.add(String.valueOf(x));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static synchronized Map<String, Set<Character>> buildIndex() {
        if (byReading == null) {
            Map<String, Set<Character>> m = new HashMap<>();
            for (char c = '\u4e00'; c <= '\u9fa5'; c++) {
                try {
                    String[] r = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                    if (r != null) {
                        for (String s : r) {
                            m.computeIfAbsent(s, k -> new TreeSet<>()).add(c);
                        }
                    }
                } catch (BadHanyuPinyinOutputFormatCombination e) {
                    throw new IllegalStateException(e);
                }
            }
            byReading = m;
        }
        return byReading;
    }
}
