package org.hospital.continuity.sync.text;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin initials (拼音首字码) of a Chinese name, the key staff type to find a drug, an item or a patient:
 * 阿莫西林胶囊 → AMXLJN. Letters and digits are kept in upper case, full-width ones (Ｃ, ６, as names copied
 * from the HIS often carry them) as their ASCII letter or digit; other signs are dropped; for a character
 * with several readings the first one pinyin4j gives is used. One definition for the server (which seeds the
 * catalogue's initials) and the kiosk (which derives them where a snapshot has none), so both find the same
 * item by the same keys.
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
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0); // full-width ASCII (U+FF01..U+FF5E) → its ASCII character
            }
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
