package org.hospital.continuity.server.notification.domain;

import java.util.List;

/**
 * Who to call for a party, in order: tier 0 first (e.g. the IT staff on duty), then the next tier (the
 * backup, the head of IT) when nobody acknowledged ("call until reached"). Every person of a tier is
 * called together. Group contacts (robots, in-app) go out with every round.
 *
 * @param partyCode the party the chain belongs to (a playbooks Party code)
 * @param tiers     the people by tier; may be empty when the directory knows nobody (groups still get it)
 * @param groups    the party's group contacts: robots and in-app
 */
public record EscalationChain(String partyCode, List<List<Person>> tiers, List<Contact> groups) {

    public EscalationChain {
        tiers = tiers.stream().filter(t -> !t.isEmpty()).map(List::copyOf).toList();
        groups = List.copyOf(groups);
    }

    public int tierCount() {
        return tiers.size();
    }

    public List<Person> tier(int index) {
        return tiers.isEmpty() ? List.of() : tiers.get(Math.floorMod(index, tiers.size()));
    }
}
