package org.hospital.continuity.server.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * No patient data in any notification (HR-12, HR-14: nothing confidential leaves over robots, SMS or mail).
 * Notifications are built from codes, class names, department names and times only; this guard is the last
 * check before anything is queued, and refuses text that looks like a resident ID number, a mobile number or
 * a labelled medical-record / inpatient number.
 */
public final class PatientDataGuard {

    /** A policy with the rule it enforces and a human reason. */
    public record Policy(String rule, String reason, Pattern pattern) {
    }

    public static final List<Policy> POLICIES = List.of(
            // HR-12 a resident ID number (18 characters, check digit 0-9 or X) is personal data
            new Policy("HR-12", "contains what looks like a resident ID number (身份证号)",
                    Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")),
            // HR-12 a mainland mobile number identifies a person
            new Policy("HR-12", "contains what looks like a mobile number",
                    Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")),
            // HR-12 patient numbers are confidential
            new Policy("HR-12", "contains a labelled patient number (病历号/住院号/门诊号)",
                    Pattern.compile("(病历号|住院号|门诊号|身份证)\\s*[:：]?\\s*[0-9A-Za-z]{4,}")));

    private PatientDataGuard() {
    }

    /** The reasons the text may not be sent; empty when it is clean. */
    public static List<String> violations(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (Policy p : POLICIES) {
            if (p.pattern().matcher(text).find()) {
                out.add(p.rule() + " " + p.reason());
            }
        }
        return out;
    }
}
