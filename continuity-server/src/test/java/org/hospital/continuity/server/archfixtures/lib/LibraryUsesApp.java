package org.hospital.continuity.server.archfixtures.lib;

import org.hospital.continuity.server.archfixtures.alpha.Alpha;

/** Breaks the library rule: a library class uses app code. */
public class LibraryUsesApp {
    public String name(Alpha a) {
        return a.name();
    }
}
