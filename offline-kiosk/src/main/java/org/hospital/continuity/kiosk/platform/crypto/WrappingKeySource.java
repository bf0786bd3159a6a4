package org.hospital.continuity.kiosk.platform.crypto;

import java.util.Optional;

/**
 * The port through which the kiosk key asks the server for the key its data key is wrapped with (implemented by the
 * enrolment feature, which knows the server's kiosk endpoints).
 */
public interface WrappingKeySource {

    /** The server's wrapping key for this kiosk, or empty when the server cannot be reached or refuses (revoked kiosk). */
    Optional<byte[]> fetch(String serverUrl, String kioskId, String credential);
}
