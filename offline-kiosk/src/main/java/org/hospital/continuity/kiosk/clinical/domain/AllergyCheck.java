package org.hospital.continuity.kiosk.clinical.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.hospital.continuity.kiosk.reference.KnownPatient;

/**
 * A drug written for a patient against the patient's recorded allergies. A drug matches
 * an allergy when the allergy names the drug's dictionary code, when the allergen's name is part of
 * the drug's name (阿莫西林 → 阿莫西林胶囊), or for a penicillin allergy (青霉素) when the drug's
 * name ends its generic name in 西林 (the Chinese naming of the penicillins). Anything subtler
 * (cross-reactivity between classes) is the prescriber's judgement: this is a warning, not a verdict.
 */
public final class AllergyCheck {

    /** One drug line that matches a recorded allergy. */
    public record Match(int line, String drugCode, String drugName, String allergen, String severity) {
    }

    private AllergyCheck() {
    }

    public static List<Match> matches(int line, CatalogueItem drug, List<KnownPatient.Allergy> allergies) {
        List<Match> out = new ArrayList<>();
        if (drug == null || allergies == null) {
            return out;
        }
        for (KnownPatient.Allergy a : allergies) {
            if (matches(drug, a)) {
                out.add(new Match(line, drug.code(), drug.name(), a.allergen(), a.severity()));
            }
        }
        return out;
    }

    static boolean matches(CatalogueItem drug, KnownPatient.Allergy a) {
        if (a.allergenCode() != null && a.allergenCode().equalsIgnoreCase(drug.code())) {
            return true;
        }
        String allergen = a.allergen() == null ? "" : a.allergen().trim().toLowerCase(Locale.ROOT);
        String name = drug.name() == null ? "" : drug.name().toLowerCase(Locale.ROOT);
        if (allergen.length() >= 2 && name.contains(allergen.replaceAll("类$", ""))) {
            return true;
        }
        return (allergen.startsWith("青霉素") || allergen.startsWith("penicillin")) && name.contains("西林");
    }
}
