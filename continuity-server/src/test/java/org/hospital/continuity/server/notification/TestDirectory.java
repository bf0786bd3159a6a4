package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.notification.app.Directory;
import org.hospital.continuity.server.notification.domain.Person;

/** An in-memory directory for the notification tests: each test puts the people of its own parties. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDirectory implements Directory {

    private final Map<String, List<List<Person>>> tiers = new ConcurrentHashMap<>();

    public void put(String partyCode, List<List<Person>> people) {
        tiers.put(partyCode, people);
    }

    @Override
    public Uni<List<List<Person>>> tiersFor(String partyCode) {
        return Uni.createFrom().item(tiers.getOrDefault(partyCode, List.of()));
    }
}
