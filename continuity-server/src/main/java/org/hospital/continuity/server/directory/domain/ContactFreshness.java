package org.hospital.continuity.server.directory.domain;

import java.time.LocalDate;
import java.time.Period;

/** EP-9.1: contact details of every member are kept current; a channel not confirmed within the period is stale. */
public record ContactFreshness(Period confirmEvery) {

    public boolean isStale(LocalDate lastConfirmed, LocalDate today) {
        return lastConfirmed.plus(confirmEvery).isBefore(today);
    }
}
