package org.hospital.continuity.server.allergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.hospital.continuity.server.allergy.domain.AllergyCsv;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AllergyCsvTest {

    static final Set<String> KNOWN = Set.of("P0001", "P0002", "P0003");

    static AllergyCsv.Parsed parse(String body) {
        return AllergyCsv.parse(AllergyCsv.HEADER + "\n" + body, KNOWN::contains);
    }

    @Test
    @DisplayName("issue 8 an import lists allergies with code, reaction and severity, and NONE states no known allergy")
    void readsAllergiesAndNoKnownAllergy() {
        AllergyCsv.Parsed p = parse("P0001,D0001,阿莫西林,皮疹,severe\r\nP0001,,海鲜,,MILD\n\nP0002,,,,NONE\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.entries()).extracting(AllergyCsv.Entry::allergen).containsExactly("阿莫西林", "海鲜", null);
        assertThat(p.entries().get(0).severity()).isEqualTo(AllergyCsv.Severity.SEVERE);
        assertThat(p.entries().get(1).reaction()).isNull();
        assertThat(p.patients()).containsExactlyInAnyOrder("P0001", "P0002");
    }

    @Test
    @DisplayName("issue 8 every bad line is named and nothing is taken: unknown patient, bad severity, NONE with an allergen, duplicates")
    void namesEveryBadLine() {
        AllergyCsv.Parsed p = parse(String.join("\n",
                "P0001,D0001,阿莫西林,皮疹,SEVERE",
                "P9999,,青霉素,,SEVERE",
                "P0001,,头孢,,DEADLY",
                "P0002,,花粉,,NONE",
                "P0001,,阿莫西林,,MILD",
                "P0003,,<script>,,MILD",
                "P0003,too many,fields,here,MILD,x",
                "P0003,,,,MILD",
                "P0001,,,,NONE"));
        assertThat(p.entries()).isEmpty();
        assertThat(p.problems()).hasSize(8);
        assertThat(p.problems()).anyMatch(s -> s.startsWith("line 3:") && s.contains("P9999"))
                .anyMatch(s -> s.startsWith("line 4:") && s.contains("severity"))
                .anyMatch(s -> s.startsWith("line 5:") && s.contains("NONE"))
                .anyMatch(s -> s.startsWith("line 6:") && s.contains("twice"))
                .anyMatch(s -> s.startsWith("line 7:"))
                .anyMatch(s -> s.startsWith("line 8:") && s.contains("5 fields"))
                .anyMatch(s -> s.startsWith("line 9:") && s.contains("allergen"))
                .anyMatch(s -> s.startsWith("line 10:"));
        assertThat(AllergyCsv.parse("patient,allergen\nP0001,x", KNOWN::contains).problems()).singleElement()
                .asString().startsWith("line 1:");
        assertThat(parse("").problems()).containsExactly("the import lists no patient");
    }

    @Test
    @DisplayName("issue 8 over many random imports, a parse either takes every line or names a problem and takes none")
    void allOrNothingOverRandomImports() {
        Random random = new Random(8);
        String[] patients = {"P0001", "P0002", "P0003", "P9", ""};
        String[] allergens = {"阿莫西林", "海鲜", "", "青霉素", "<x>"};
        String[] severities = {"MILD", "SEVERE", "NONE", "bogus", "UNKNOWN"};
        for (int run = 0; run < 2000; run++) {
            StringBuilder b = new StringBuilder();
            int lines = 1 + random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                b.append(patients[random.nextInt(patients.length)]).append(",,").append(allergens[random.nextInt(allergens.length)])
                        .append(",,").append(severities[random.nextInt(severities.length)]).append('\n');
            }
            AllergyCsv.Parsed p = parse(b.toString());
            assertThat(p.entries().isEmpty() != p.problems().isEmpty()).as("entries xor problems: %s", b).isTrue();
            if (p.problems().isEmpty()) {
                assertThat(p.entries()).hasSize(lines);
                assertThat(p.entries()).allMatch(e -> KNOWN.contains(e.patientId()));
                assertThat(p.entries()).allMatch(e -> (e.severity() == AllergyCsv.Severity.NONE) == (e.allergen() == null));
            }
        }
    }
}
