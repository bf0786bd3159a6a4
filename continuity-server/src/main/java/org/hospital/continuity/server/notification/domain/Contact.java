package org.hospital.continuity.server.notification.domain;

import java.util.Objects;

/**
 * One way to reach a person or a group: an e-mail address, a mobile number for the SMS gateway, the name
 * of a configured group robot, or a party code for in-app. Robot addresses are names of configured robots,
 * never the webhook URL or its secret (those stay in configuration, not in the database).
 */
public record Contact(Channel channel, String address) {

    public Contact {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a contact needs an address");
        }
    }
}
