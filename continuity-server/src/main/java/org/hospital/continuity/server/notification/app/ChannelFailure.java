package org.hospital.continuity.server.notification.app;

/** A channel refused a message; the message is the error recorded on the delivery (no content, no secrets). */
public class ChannelFailure extends RuntimeException {

    public ChannelFailure(String message) {
        super(message, null, false, false);
    }
}
