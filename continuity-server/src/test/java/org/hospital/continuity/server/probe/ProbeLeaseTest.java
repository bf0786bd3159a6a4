package org.hospital.continuity.server.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.hospital.continuity.server.probe.persistence.ProbeLeases;
import org.hospital.continuity.server.probe.persistence.ProbeRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProbeLeaseTest {

    @Inject
    ProbeLeases store;
    @Inject
    ProbeRepository probes;

    @Test
    @DisplayName("two instances claiming due probes at once never get the same probe; an expired lease is claimed again")
    void leasesAreExclusive() {
        Instant now = TestClock.now();
        for (int i = 0; i < 12; i++) {
            SessionContext.await(() -> probes.add(UUID.randomUUID(), "lease-" + UUID.randomUUID(), ProbeKind.TCP, "127.0.0.1:1",
                    Component.KEY_TERMINAL, "t", Duration.ofSeconds(60), Duration.ofSeconds(1), now.minusSeconds(5)));
        }
        List<List<Probe>> both = Uni.join().all(store.claimDue("A", now, now.plusSeconds(60), 8), store.claimDue("B", now, now.plusSeconds(60), 8))
                .andFailFast().await().atMost(Duration.ofSeconds(30));
        Set<UUID> a = new HashSet<>();
        both.get(0).forEach(p -> a.add(p.id()));
        Set<UUID> b = new HashSet<>();
        both.get(1).forEach(p -> b.add(p.id()));
        assertThat(a).doesNotContainAnyElementsOf(b);
        assertThat(a.size() + b.size()).isGreaterThanOrEqualTo(12);
        // nothing left while the leases hold; after they expire (instances died), someone else claims them
        assertThat(store.claimDue("C", now, now.plusSeconds(60), 50).await().indefinitely()).isEmpty();
        assertThat(store.claimDue("C", now.plusSeconds(61), now.plusSeconds(120), 50).await().indefinitely().size())
                .isGreaterThanOrEqualTo(12);
    }
}
