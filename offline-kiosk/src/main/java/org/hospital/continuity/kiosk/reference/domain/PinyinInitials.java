package org.hospital.continuity.kiosk.reference.domain;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin initials (拼音首字码) of a Chinese name: 阿莫西林胶囊 → AMXLJN. Letters and digits are kept
 * (upper case), other signs dropped; for a character with several readings the first one is used.
 */
public final class PinyinInitials {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.UPPERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    }

    private PinyinInitials() {
    }

    public static String of(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < 128) {
                if (Character.isLetterOrDigit(ch)) {
                    out.append(Character.toUpperCase(ch));
                }
                continue;
            }
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(ch, FORMAT);
                if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                    out.append(readings[0].charAt(0));
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }
}
