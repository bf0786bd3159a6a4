package org.hospital.continuity.server.notification.app;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Port: whether what a notification is about was acknowledged somewhere else, e.g. an instruction that
 * the department acknowledged in the app (EP-6.1). Such a notification stops escalating.
 */
public interface AcknowledgedElsewhere {

    /** Who acknowledged the subject ({@code instruction:<uuid>}), or empty while nobody did. */
    Uni<Optional<String>> acknowledgedBy(String subjectRef);
}
