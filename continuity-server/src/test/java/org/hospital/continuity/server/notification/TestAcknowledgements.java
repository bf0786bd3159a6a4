package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.notification.app.AcknowledgedElsewhere;
import org.hospital.continuity.server.notification.integration.InstructionAcknowledgements;

/** Acknowledgements made outside the notifications: set by a test for its own subjects, else the real instructions. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAcknowledgements implements AcknowledgedElsewhere {

    @Inject
    InstructionAcknowledgements real;

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    public void acknowledge(String subjectRef, String by) {
        acknowledged.put(subjectRef, by);
    }

    @Override
    public Uni<Optional<String>> acknowledgedBy(String subjectRef) {
        String by = acknowledged.get(subjectRef);
        return by != null ? Uni.createFrom().item(Optional.of(by)) : real.acknowledgedBy(subjectRef);
    }
}
