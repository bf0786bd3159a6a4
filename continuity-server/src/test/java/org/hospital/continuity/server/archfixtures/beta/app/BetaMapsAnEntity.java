package org.hospital.continuity.server.archfixtures.beta.app;

import jakarta.persistence.LockModeType;

/**
 * Breaks the Hibernate rule: JPA outside persistence (a JPA type, not an {@code @Entity}, so that Quarkus tests
 * do not map this fixture).
 */
public class BetaMapsAnEntity {
    public LockModeType lock() {
        return LockModeType.PESSIMISTIC_WRITE;
    }
}
