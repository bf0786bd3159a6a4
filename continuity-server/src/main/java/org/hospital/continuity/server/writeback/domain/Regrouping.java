package org.hospital.continuity.server.writeback.domain;

import java.util.List;
import java.util.UUID;

/**
 * A person's decision on the workbench that downtime registrations are one person (merge) or are not
 * (un-merge). Write-back reads them in the order they were made; the latest decision about a visit wins.
 */
public record Regrouping(boolean merge, List<UUID> visitIds) {

    public Regrouping {
        visitIds = List.copyOf(visitIds);
    }
}
