package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Raising a notice: people are called per their party, channels and escalation (EP-2.3, EP-6.1). */
public interface Notices {

    /** Raises the notice once per dedupe key; its id (the existing one when the key was raised before). */
    Uni<UUID> raise(NoticeRequest request);
}
