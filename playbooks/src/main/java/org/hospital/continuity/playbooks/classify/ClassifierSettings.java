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
 * @param wholeNetworkWindow       … within this window make a whole-network failure
 * @param unstableMinFailures      EP-4.1 服务器工作不稳定: a component that went down this many separate times …
 * @param unstableWindow           … within this window is unstable (Class I even while it is momentarily up)
 * @param keyTerminals             EP-4.1 重点终端: ids of the key terminals; a fault there is Class I
 */
public record ClassifierSettings(
        int patternMinTerminals,
        Duration patternWindow,
        int wholeNetworkMinBuildings,
        Duration wholeNetworkWindow,
        int unstableMinFailures,
        Duration unstableWindow,
        Set<String> keyTerminals) {

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

    public ClassifierSettings {
        requireAtLeast(patternMinTerminals, 2, "patternMinTerminals");
        requirePositive(patternWindow, "patternWindow");
        requireAtLeast(wholeNetworkMinBuildings, 2, "wholeNetworkMinBuildings");
        requirePositive(wholeNetworkWindow, "wholeNetworkWindow");
        requireAtLeast(unstableMinFailures, 2, "unstableMinFailures");
        requirePositive(unstableWindow, "unstableWindow");
        keyTerminals = Set.copyOf(Objects.requireNonNull(keyTerminals, "keyTerminals"));
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
                unstableMinFailures, unstableWindow, keyTerminals);
    }

    /** These settings with another EP-5 whole-network-from-reports threshold. */
    public ClassifierSettings withWholeNetwork(int minBuildings, Duration window) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, minBuildings, window,
                unstableMinFailures, unstableWindow, keyTerminals);
    }

    /** These settings with another EP-4.1 unstable-component threshold. */
    public ClassifierSettings withUnstable(int minFailures, Duration window) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, wholeNetworkMinBuildings,
                wholeNetworkWindow, minFailures, window, keyTerminals);
    }

    /** These settings with the hospital's key terminals (EP-4.1 重点终端). */
    public ClassifierSettings withKeyTerminals(Set<String> ids) {
        return new ClassifierSettings(patternMinTerminals, patternWindow, wholeNetworkMinBuildings,
                wholeNetworkWindow, unstableMinFailures, unstableWindow, ids);
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
