package org.hospital.continuity.kiosk.outbox.app;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.outbox.config.OutboxConfig;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The journal source of a build without the kiosk journal feature: no entries, so the agent only
 * handshakes (reports an empty backlog) when a credential is configured. Replaced by the adapter
 * over {@code kiosk.journal.app.Journal} once that feature is part of the build.
 */
@ApplicationScoped
@DefaultBean
public class NoJournalYet implements JournalSource {

    private final OutboxConfig config;

    public NoJournalYet(OutboxConfig config) {
        this.config = config;
    }

    @Override
    public Optional<Credential> credential() {
        if (config.kioskId().isPresent() && config.secret().isPresent()) {
            return Optional.of(new Credential(config.kioskId().get(), config.secret().get()));
        }
        return Optional.empty();
    }

    @Override
    public List<JournalEntry> readAfter(long afterSeq, int limit) {
        return List.of();
    }

    @Override
    public long lastSeq() {
        return 0;
    }

    @Override
    public Unsent unsent() {
        return new Unsent(0, null);
    }

    @Override
    public void markSent(long upToSeqInclusive) {
        // nothing is ever pending here
    }
}
