package org.hospital.continuity.kiosk.clinical.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EP-6.4: a dose is written in a unit of the drug's own family, read from the dictionary's
 * specification ("0.25g*24粒" → mass units g/mg/μg, or the form unit 粒). A dose of "5 ml" of a
 * capsule is refused at the field.
 */
public final class DoseUnits {

    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("g", "mg", "μg", "ug"),
            Set.of("ml", "l"),
            Set.of("iu", "u", "万u"));
    private static final Set<String> FORM_UNITS = Set.of("粒", "片", "支", "袋", "瓶", "丸", "贴", "枚", "喷", "滴");
    private static final Pattern STRENGTH = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(万u|μg|ug|mg|ml|iu|g|l|u)", Pattern.CASE_INSENSITIVE);

    private DoseUnits() {
    }

    /** The dose units the specification allows; empty when the specification says nothing usable. */
    public static Set<String> allowed(String specification) {
        Set<String> out = new HashSet<>();
        if (specification == null) {
            return out;
        }
        String spec = specification.toLowerCase(Locale.ROOT);
        Matcher m = STRENGTH.matcher(spec);
        while (m.find()) {
            String unit = m.group(1).toLowerCase(Locale.ROOT);
            for (Set<String> family : FAMILIES) {
                if (family.contains(unit)) {
                    out.addAll(family);
                }
            }
        }
        for (String form : FORM_UNITS) {
            if (spec.contains(form)) {
                out.add(form);
            }
        }
        return out;
    }

    public static boolean fits(String specification, String doseUnit) {
        return doseUnit != null && allowed(specification).contains(doseUnit.trim().toLowerCase(Locale.ROOT));
    }
}
