package org.hospital.continuity.server.wiring;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.ClassifierSettings;
import org.hospital.continuity.playbooks.incident.EngineSettings;
import org.hospital.continuity.playbooks.incident.IncidentEngine;
import org.hospital.continuity.playbooks.ladder.LadderSettings;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.playbook.PlaybookLoader;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.server.directory.DirectoryConfig;
import org.hospital.continuity.server.incident.IncidentConfig;

/** The playbooks library's engine, configured from {@code continuity.incident.*}: every decision is the library's. */
@ApplicationScoped
public class PlaybooksWiring {

    /** The playbooks in force: the defaults, with the hospital's files over them (who is called, what is due). */
    @Produces
    @jakarta.inject.Singleton
    PlaybookSet playbooks(IncidentConfig config) {
        PlaybookSet playbooks = config.playbooksDir().map(dir -> PlaybookLoader.loadWithOverrides(Path.of(dir)))
                .orElseGet(PlaybookLoader::loadDefaults);
        Log.infof("playbooks loaded: %d", playbooks.playbooks().size());
        return playbooks;
    }

    @Produces
    @ApplicationScoped
    IncidentEngine incidentEngine(IncidentConfig config, DirectoryConfig directory, PlaybookSet playbooks) {
        ClassifierSettings classifier = ClassifierSettings.defaults().withKeyTerminals(config.keyTerminals().orElse(Set.of()));
        LadderSettings defaults = LadderSettings.defaults();
        java.util.Map<LadderStep, java.time.Duration> thresholds = new java.util.EnumMap<>(LadderStep.class);
        thresholds.put(LadderStep.FRONT_DESK, config.ladder().frontDesk());
        thresholds.put(LadderStep.WARDS_AND_THEATRES, config.ladder().wardsAndTheatres());
        thresholds.put(LadderStep.WHOLE_HOSPITAL, config.ladder().wholeHospital());
        LadderSettings ladder = new LadderSettings(thresholds, defaults.notified(), defaults.modifiers());
        EngineSettings settings = new EngineSettings(classifier, ladder, config.closeAfterQuiet(), directory.zone());
        return new IncidentEngine(settings, playbooks);
    }
}
