package org.hospital.continuity.server.allergy.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads an allergy import (the ward's allergy list exported from the HIS, or typed by the ward):
 * header {@value #HEADER}, one allergy per line. A line with severity {@code NONE} and nothing else
 * states that the patient has no known allergy (无已知过敏), which is not the same as "never recorded".
 * Every problem names its line; the import is taken whole or not at all.
 */
public final class AllergyCsv {

    public static final String HEADER = "patient_id,allergen_code,allergen,reaction,severity";
    public static final int MAX_ENTRIES = 50_000;

    public enum Severity { MILD, MODERATE, SEVERE, UNKNOWN, NONE }

    /** One line of the import. {@code allergen} is null only for {@link Severity#NONE}. */
    public record Entry(int line, String patientId, String allergenCode, String allergen, String reaction, Severity severity) {
    }

    /** The entries, or the problems (never both). */
    public record Parsed(List<Entry> entries, List<String> problems) {

        public Set<String> patients() {
            Set<String> out = new HashSet<>();
            entries.forEach(e -> out.add(e.patientId()));
            return out;
        }
    }

    private AllergyCsv() {
    }

    /** @param knownPatient whether the patient is one the server knows (ward census or recent outpatient) */
    public static Parsed parse(String text, Predicate<String> knownPatient) {
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.replace("\r", "").replace("\uFEFF", "").split("\n");
        if (lines.length == 0 || !lines[0].trim().equals(HEADER)) {
            return new Parsed(List.of(), List.of("line 1: the header must be '" + HEADER + "'"));
        }
        Set<String> seen = new HashSet<>();
        Map<String, Integer> noneLine = new HashMap<>();
        Map<String, Integer> allergyLine = new HashMap<>();
        for (int n = 1; n < lines.length && problems.size() <= 50; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            int lineNo = n + 1;
            String[] f = lines[n].split(",", -1);
            if (f.length != 5) {
                problems.add("line " + lineNo + ": expected 5 fields, found " + f.length + " (no commas inside a field)");
                continue;
            }
            String patient = f[0].trim();
            String code = f[1].trim();
            String allergen = f[2].trim();
            String reaction = f[3].trim();
            String severityText = f[4].trim().toUpperCase(Locale.ROOT);
            if (!patient.matches("[A-Za-z0-9_-]{1,40}")) {
                problems.add("line " + lineNo + ": patient_id must be 1–40 letters or digits");
                continue;
            }
            if (!knownPatient.test(patient)) {
                problems.add("line " + lineNo + ": patient " + patient + " is not a known patient");
                continue;
            }
            Severity severity;
            try {
                severity = Severity.valueOf(severityText);
            } catch (IllegalArgumentException e) {
                problems.add("line " + lineNo + ": severity must be one of MILD, MODERATE, SEVERE, UNKNOWN, NONE");
                continue;
            }
            if (severity == Severity.NONE) {
                if (!code.isEmpty() || !allergen.isEmpty() || !reaction.isEmpty()) {
                    problems.add("line " + lineNo + ": a NONE line (no known allergy) names no allergen, code or reaction");
                    continue;
                }
                if (allergyLine.containsKey(patient) || noneLine.putIfAbsent(patient, lineNo) != null) {
                    problems.add("line " + lineNo + ": patient " + patient + " has allergies and NONE, or NONE twice");
                    continue;
                }
                entries.add(new Entry(lineNo, patient, null, null, null, severity));
                continue;
            }
            if (!code.isEmpty() && !code.matches("[A-Za-z0-9_-]{1,40}")) {
                problems.add("line " + lineNo + ": allergen_code must be empty or 1–40 letters or digits");
                continue;
            }
            if (allergen.isEmpty() || allergen.length() > 100 || unsafe(allergen)) {
                problems.add("line " + lineNo + ": allergen is empty, longer than 100 characters or has < > \" characters");
                continue;
            }
            if (reaction.length() > 200 || unsafe(reaction)) {
                problems.add("line " + lineNo + ": reaction is longer than 200 characters or has < > \" characters");
                continue;
            }
            if (noneLine.containsKey(patient)) {
                problems.add("line " + lineNo + ": patient " + patient + " was stated to have no known allergy");
                continue;
            }
            if (!seen.add(patient + "\u0000" + allergen.toLowerCase(Locale.ROOT))) {
                problems.add("line " + lineNo + ": allergen " + allergen + " appears twice for patient " + patient);
                continue;
            }
            allergyLine.putIfAbsent(patient, lineNo);
            entries.add(new Entry(lineNo, patient, code.isEmpty() ? null : code, allergen, reaction.isEmpty() ? null : reaction, severity));
            if (entries.size() > MAX_ENTRIES) {
                return new Parsed(List.of(), List.of("more than " + MAX_ENTRIES + " entries"));
            }
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add("the import lists no patient");
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(entries), List.of()) : new Parsed(List.of(), List.copyOf(problems));
    }

    private static boolean unsafe(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0 || s.indexOf('"') >= 0;
    }
}
