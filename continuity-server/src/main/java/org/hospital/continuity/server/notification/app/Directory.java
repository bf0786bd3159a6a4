package org.hospital.continuity.server.notification.app;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hospital.continuity.server.notification.domain.Person;

/**
 * Port to the hospital's directory and duty roster: who belongs to a party, in escalation
 * order. Tier 0 are the people to call first (those on duty now, or every member of a group such as the
 * leadership group); later tiers are called when nobody acknowledged.
 */
public interface Directory {

    /** The people of a party by tier; empty when the directory knows nobody for it. */
    Uni<List<List<Person>>> tiersFor(String partyCode);
}
