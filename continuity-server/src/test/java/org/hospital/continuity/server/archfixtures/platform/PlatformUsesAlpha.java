package org.hospital.continuity.server.archfixtures.platform;

import org.hospital.continuity.server.archfixtures.alpha.Alpha;

/** Breaks the ground-floor rule: platform uses a feature. */
public class PlatformUsesAlpha {
    public String name(Alpha a) {
        return a.name();
    }
}
