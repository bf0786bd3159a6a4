package org.hospital.continuity.server.writeback.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HisCircuitTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T08:00:00Z"));
    final HisCircuit circuit = new HisCircuit(3, Duration.ofSeconds(60), () -> now.get());

    @Test
    @DisplayName("Issue 9: three failures in a row open the breaker; a success in between resets the count")
    void opensAfterFailuresInARow() {
        circuit.failure();
        circuit.failure();
        circuit.success();
        circuit.failure();
        circuit.failure();
        assertThat(circuit.state()).isEqualTo(HisCircuit.State.CLOSED);

        circuit.failure();

        assertThat(circuit.state()).isEqualTo(HisCircuit.State.OPEN);
        assertThat(circuit.allows()).isFalse();
        assertThat(circuit.retryAt()).isEqualTo(Instant.parse("2026-11-22T08:01:00Z"));
    }

    @Test
    @DisplayName("Issue 9: after the cool-down one trial goes through; its failure re-opens, its success closes")
    void halfOpenTrial() {
        for (int i = 0; i < 3; i++) {
            circuit.failure();
        }
        now.set(now.get().plusSeconds(61));
        assertThat(circuit.state()).isEqualTo(HisCircuit.State.HALF_OPEN);

        circuit.failure();
        assertThat(circuit.state()).isEqualTo(HisCircuit.State.OPEN);

        now.set(now.get().plusSeconds(61));
        circuit.success();
        assertThat(circuit.state()).isEqualTo(HisCircuit.State.CLOSED);
    }
}
