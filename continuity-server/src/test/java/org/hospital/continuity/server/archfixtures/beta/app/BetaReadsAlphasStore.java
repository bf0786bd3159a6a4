package org.hospital.continuity.server.archfixtures.beta.app;

import org.hospital.continuity.server.archfixtures.alpha.persistence.AlphaStore;

/** Breaks the persistence rule and the public-face rule, and closes the alpha ↔ beta loop. */
public class BetaReadsAlphasStore {
    public Object read(AlphaStore store) {
        return store.key("x");
    }
}
