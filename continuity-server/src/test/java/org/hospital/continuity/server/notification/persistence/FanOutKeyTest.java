package org.hospital.continuity.server.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FanOutKeyTest {

    @Test
    @DisplayName("EP-5.2 the event behind a notice raised for several parties is its dedupe key without the party")
    void theEventIsTheDedupeKeyWithoutTheParty() {
        assertThat(NotificationStore.fanOut("event|42|PHARMACY", "PHARMACY")).isEqualTo("event|42");
        assertThat(NotificationStore.fanOut("event|42|IT_ON_DUTY", "PHARMACY")).as("another party's key").isNull();
        assertThat(NotificationStore.fanOut("instruction|5f0c", "PHARMACY")).isNull();
        assertThat(NotificationStore.fanOut("|PHARMACY", "PHARMACY")).as("no event before the party").isNull();
        assertThat(NotificationStore.fanOut(null, "PHARMACY")).isNull();
    }
}
