package org.hospital.continuity.sync.his;

import java.util.Set;

/**
 * A Chinese name split into family and given name for the HIS. A compound surname (复姓: 欧阳, 司马, 诸葛 …) is two
 * characters, never split after the first; every other name takes its first character as the family name. Names in
 * Latin letters (foreign patients) keep the whole name as text and are not split here.
 */
public final class ChineseNames {

    /** The compound surnames in use (the common ones of the 百家姓 and those still met at registration desks). */
    public static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "南宫", "西门", "司徒", "夏侯",
            "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "令狐", "端木", "独孤", "澹台", "申屠", "轩辕", "闻人", "万俟", "百里", "东郭",
            "呼延", "赫连", "拓跋", "钟离", "宗政", "濮阳", "太史", "仲孙", "单于", "淳于", "公冶", "公羊", "谷梁", "乐正", "司空", "司寇",
            "左丘", "第五", "梁丘", "羊舌", "微生", "巫马", "亓官", "鲜于", "闾丘", "东门", "北宫", "子车", "颛孙", "段干", "漆雕", "公良",
            "宰父", "南门", "东里", "公西", "公户", "公玉", "公仪", "夹谷");

    /** Family and given name; {@code given} may be empty. */
    public record Split(String family, String given) {
    }

    private ChineseNames() {
    }

    /** Splits a name written in Chinese characters; null when the name is not (Latin letters, a middle dot …). */
    public static Split split(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        if (n.isEmpty() || !n.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return null;
        }
        if (n.length() >= 3 && COMPOUND_SURNAMES.contains(n.substring(0, 2))) {
            return new Split(n.substring(0, 2), n.substring(2));
        }
        if (n.length() == 2 && COMPOUND_SURNAMES.contains(n)) {
            // a two-character name that is a compound surname alone is still a surname + given name (e.g. 司马 is rare as a full name)
            return new Split(n.substring(0, 1), n.substring(1));
        }
        int first = n.offsetByCodePoints(0, 1);
        return new Split(n.substring(0, first), n.substring(first));
    }
}
