package org.hospital.continuity.playbooks.incident;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.hospital.continuity.playbooks.classify.ClassifierSettings;
import org.hospital.continuity.playbooks.ladder.LadderSettings;

/**
 * Everything the incident engine is configured with.
 *
 * @param classifier      the classifier's thresholds
 * @param ladder          the ladder's thresholds and modifier policies
 * @param closeAfterQuiet an incident whose findings have all cleared is closed after this long without a new
 *                        finding (EP-6.2.4: staff watch whether the system is stable); a finding within it
 *                        continues the same incident
 * @param zone            the hospital's time zone, for "same day" and "next day" deadlines (EP-8.4)
 */
public record EngineSettings(ClassifierSettings classifier, LadderSettings ladder, Duration closeAfterQuiet, ZoneId zone) {

    /** System default (the plan gives no number): 30 minutes of stability before an incident is closed. */
    public static final Duration DEFAULT_CLOSE_AFTER_QUIET = Duration.ofMinutes(30);
    /** The hospital's zone by default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public EngineSettings {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(closeAfterQuiet, "closeAfterQuiet");
        if (closeAfterQuiet.isNegative()) {
            throw new IllegalArgumentException("closeAfterQuiet cannot be negative");
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** Classifier and ladder defaults, 30 minutes to close, Asia/Shanghai. */
    public static EngineSettings defaults() {
        return new EngineSettings(ClassifierSettings.defaults(), LadderSettings.defaults(), DEFAULT_CLOSE_AFTER_QUIET, DEFAULT_ZONE);
    }

    /** These settings with other classifier thresholds. */
    public EngineSettings withClassifier(ClassifierSettings value) {
        return new EngineSettings(value, ladder, closeAfterQuiet, zone);
    }

    /** These settings with another ladder. */
    public EngineSettings withLadder(LadderSettings value) {
        return new EngineSettings(classifier, value, closeAfterQuiet, zone);
    }

    /** These settings with another quiet period before closing. */
    public EngineSettings withCloseAfterQuiet(Duration value) {
        return new EngineSettings(classifier, ladder, value, zone);
    }

    /** These settings in another time zone. */
    public EngineSettings withZone(ZoneId value) {
        return new EngineSettings(classifier, ladder, closeAfterQuiet, value);
    }
}
