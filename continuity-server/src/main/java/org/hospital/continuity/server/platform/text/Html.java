package org.hospital.continuity.server.platform.text;

/** HTML escaping for the server-rendered pages. */
public final class Html {

    private Html() {
    }

    public static String esc(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
