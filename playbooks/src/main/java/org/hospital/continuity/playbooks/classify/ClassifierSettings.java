package org.hospital.continuity.playbooks.classify;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The classifier's thresholds. They are configuration with defaults, not magic numbers: the plan says
 * "several", "recurring", "unstable"; the hospital decides how many and within which window.
 *
 * @param patternMinTerminals      EP-4.1 有规律性的局部故障: this many distinct terminals with Class II faults in
 *                                 one ward, subnet or building …
 * @param patternWindow            … whose reports fall within this window make a Class I pattern
 * @param wholeNetworkMinBuildings EP-5: reports of lost access from this many distinct buildings …
 * @param wholeNetworkWindow       … within this window make a whole-network failure (only while no probe shows
 *                                 the HIS healthy)
 * @param unstableMinFailures      EP-4.1 服务器工作不稳定: a component that went down this many separate times …
 * @param unstableWindow           … within this window is unstable (Class I even while it is momentarily up); the
 *                                 same window measures whether a flapping component was down more than up
 * @param keyTerminals             EP-4.1 重点终端: ids of the key terminals; a fault there is Class I
 * @param confirmWindow            EP-3.2/EP-3.3: a Class I seen only in reports (a pattern, many buildings, a key
 *                                 terminal) falls back to the single reports' grade when neither a probe nor IT
 *                                 confirms it within this time after its latest report
 * @param reportLifetime           EP-4.2 → EP-4.3: unverified reports keep their provisional grade this long after
 *                                 the latest of them; after it they are Class III (the system administrator checks
 *                                 with the workstation and logs it, EP-4.7)
 * @param reportExpiry             unverified reports stop being evidence this long after the latest of them
 */
public record ClassifierSettings(
        int patternMinTerminals,
        Duration patternWindow,
        int wholeNetworkMinBuildings,
        Duration wholeNetworkWindow,
        int unstableMinFailures,
        Duration unstableWindow,
        Set<String> keyTerminals,
        Duration confirmWindow,
        Duration reportLifetime,
        Duration reportExpiry) {

    /** EP-4.1 "several terminals": three distinct terminals. */
    public static final int DEFAULT_PATTERN_MIN_TERMINALS = 3;
    /** EP-4.1 "recurring within a window": their reports within ten minutes. */
    public static final Duration DEFAULT_PATTERN_WINDOW = Duration.ofMinutes(10);
    /** EP-5 whole-network failure seen from reports: three buildings … */
    public static final int DEFAULT_WHOLE_NETWORK_MIN_BUILDINGS = 3;
    /** … within ten minutes. */
    public static final Duration DEFAULT_WHOLE_NETWORK_WINDOW = Duration.ofMinutes(10);
    /** EP-4.1 服务器工作不稳定: down, back, and down again … */
    public static final int DEFAULT_UNSTABLE_MIN_FAILURES = 2;
    /** … within one hour. */
    public static final Duration DEFAULT_UNSTABLE_WINDOW = Duration.ofHours(1);
    /**
     * EP-3.2/EP-3.3: IT verifies every report and, when the cause is unclear or severe, escalates; the EP-3
     * playbook gives it 30 minutes. A Class I seen only in reports that nobody confirmed by then is graded as
     * the reports themselves (Class II) again.
     */
    public static final Duration DEFAULT_CONFIRM_WINDOW = Duration.ofMinutes(30);
    /** Unverified reports are Class II for four hours after the latest, then Class III (system default). */
    public static final Duration DEFAULT_REPORT_LIFETIME = Duration.ofHours(4);
    /** Unverified reports stop being evidence one day after the latest (system default; EP-8.4's "same day"). */
    public static final Duration DEFAULT_REPORT_EXPIRY = Duration.ofHours(24);

    public ClassifierSettings {
        requireAtLeast(patternMinTerminals, 2, "patternMinTerminals");
        requirePositive(patternWindow, "patternWindow");
        requireAtLeast(wholeNetworkMinBuildings, 2, "wholeNetworkMinBuildings");
        requirePositive(wholeNetworkWindow, "wholeNetworkWindow");
        requireAtLeast(unstableMinFailures, 2, "unstableMinFailures");
        requirePositive(unstableWindow, "unstableWindow");
        keyTerminals = Set.copyOf(Objects.requireNonNull(keyTerminals, "keyTerminals"));
        requirePositive(confirmWindow, "confirmWindow");
        requirePositive(reportLifetime, "reportLifetime");
        requirePositive(reportExpiry, "reportExpiry");
        if (reportExpiry.compareTo(reportLifetime) <= 0) {
            throw new IllegalArgumentException("reportExpiry must be longer than reportLifetime, was " + reportExpiry);
        }
    }

    /** The thresholds of the first version, with the report lifetimes at their defaults. */
    public ClassifierSettings(int patternMinTerminals, Duration patternWindow, int wholeNetworkMinBuildings,
                              Duration wholeNetworkWindow, int unstableMinFailures, Duration unstableWindow,
                              Set<String> keyTerminals) {
        this(patternMinTerminals, patternWindow, wholeNetworkMinBuildings, wholeNetworkWindow, unstableMinFailures,
                unstableWindow, keyTerminals, DEFAULT_CONFIRM_WINDOW, DEFAULT_REPORT_LIFETIME, DEFAULT_REPORT_EXPIRY);
    }

    /** The defaults above, with no key terminals configured. */
    public static ClassifierSettings defaults() {
        return new ClassifierSettings(DEFAULT_PATTERN_MIN_TERMINALS, DEFAULT_PATTERN_WINDOW,
                DEFAULT_WHOLE_NETWORK_MIN_BUILDINGS, DEFAULT_WHOLE_NETWORK_WINDOW,
                DEFAULT_UNSTABLE_MIN_FAILURES, DEFAULT_UNSTABLE_WINDOW, Set.of());
    }

    /** These settings with another EP-4.1 pattern threshold. */
    public ClassifierSettings withPattern(int minTerminals, Duration window) {
        return new ClassifierSettings(minTerminals, window, wholeNetworkMinBuildings, wholeNetworkWindow,
                unstableMinFailures, unstableWindow, keyTerminals, confirmWindow, reportLifetime, reportExpiry);
    }

    /** These settings with another EP-5 whole-network-from-reports threshold. */
    public ClassifierSettings withWholeNetwork(int minBuildings, Duration window) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, minBuildings, window,
                unstableMinFailures, unstableWindow, keyTerminals, confirmWindow, reportLifetime, reportExpiry);
    }

    /** These settings with another EP-4.1 unstable-component threshold. */
    public ClassifierSettings withUnstable(int minFailures, Duration window) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, wholeNetworkMinBuildings,
                wholeNetworkWindow, minFailures, window, keyTerminals, confirmWindow, reportLifetime, reportExpiry);
    }

    /** These settings with the hospital's key terminals (EP-4.1 重点终端). */
    public ClassifierSettings withKeyTerminals(Set<String> ids) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, wholeNetworkMinBuildings,
                wholeNetworkWindow, unstableMinFailures, unstableWindow, ids, confirmWindow, reportLifetime, reportExpiry);
    }

    /** These settings with other lifetimes for evidence seen only in reports. */
    public ClassifierSettings withReportLifetimes(Duration confirm, Duration lifetime, Duration expiry) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, wholeNetworkMinBuildings,
                wholeNetworkWindow, unstableMinFailures, unstableWindow, keyTerminals, confirm, lifetime, expiry);
    }

    private static void requireAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
