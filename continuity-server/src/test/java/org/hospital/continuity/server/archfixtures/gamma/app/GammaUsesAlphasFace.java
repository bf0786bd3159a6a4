package org.hospital.continuity.server.archfixtures.gamma.app;

import org.hospital.continuity.server.archfixtures.alpha.Alpha;

/** Legal: another feature's public face only. */
public class GammaUsesAlphasFace {
    public Alpha make() {
        return new Alpha("gamma");
    }
}
