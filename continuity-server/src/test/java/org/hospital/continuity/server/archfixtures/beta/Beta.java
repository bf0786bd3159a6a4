package org.hospital.continuity.server.archfixtures.beta;

/** beta's public face. */
public record Beta(int size) {
}
