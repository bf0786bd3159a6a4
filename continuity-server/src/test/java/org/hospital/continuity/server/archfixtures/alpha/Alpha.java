package org.hospital.continuity.server.archfixtures.alpha;

/** alpha's public face. */
public record Alpha(String name) {
}
