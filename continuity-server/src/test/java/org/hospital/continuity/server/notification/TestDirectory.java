package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.notification.app.Directory;
import org.hospital.continuity.server.notification.domain.Person;
import org.hospital.continuity.server.notification.integration.DirectoryAdapter;

/**
 * The directory in tests: a test may put the people of a party it owns (fixtures); every other party is
 * resolved by the real adapter over the directory and roster.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDirectory implements Directory {

    @Inject
    DirectoryAdapter real;

    private final Map<String, List<List<Person>>> tiers = new ConcurrentHashMap<>();

    public void put(String partyCode, List<List<Person>> people) {
        tiers.put(partyCode, people);
    }

    public void forget(String partyCode) {
        tiers.remove(partyCode);
    }

    @Override
    public Uni<List<List<Person>>> tiersFor(String partyCode) {
        List<List<Person>> fixed = tiers.get(partyCode);
        return fixed != null ? Uni.createFrom().item(fixed) : real.tiersFor(partyCode);
    }
}
