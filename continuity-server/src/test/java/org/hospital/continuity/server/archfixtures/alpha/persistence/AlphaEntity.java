package org.hospital.continuity.server.archfixtures.alpha.persistence;

import jakarta.persistence.LockModeType;

/** alpha's persistence: JPA here is fine. */
public class AlphaEntity {
    public LockModeType lock() {
        return LockModeType.PESSIMISTIC_WRITE;
    }
}
