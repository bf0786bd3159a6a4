package org.hospital.continuity.server.archfixtures.alpha.app;

import org.hospital.continuity.server.archfixtures.beta.Beta;

/** alpha uses beta's face (legal on its own, but beta uses alpha back: a loop). */
public class AlphaService {
    public String describe(Beta beta) {
        return beta.toString();
    }
}
