package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.notification.app.AcknowledgedElsewhere;

/** Acknowledgements made outside the notifications (e.g. an instruction acknowledged in the app), set by tests. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAcknowledgements implements AcknowledgedElsewhere {

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    public void acknowledge(String subjectRef, String by) {
        acknowledged.put(subjectRef, by);
    }

    @Override
    public Uni<Optional<String>> acknowledgedBy(String subjectRef) {
        return Uni.createFrom().item(Optional.ofNullable(acknowledged.get(subjectRef)));
    }
}
