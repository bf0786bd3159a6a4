package org.hospital.continuity.server.platform.text;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The texts of pages and messages: message bundles under {@code i18n/} (Chinese in the base file, English in
 * {@code _en}), without falling back on the JVM's locale. Every word on a screen comes from here.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /** The bundle of a language; the base bundle is Chinese, whatever the JVM's default locale. */
    public static ResourceBundle bundle(String baseName, Language language) {
        return ResourceBundle.getBundle(baseName, language == Language.EN ? Locale.ENGLISH : Locale.ROOT,
                Bundles.class.getClassLoader(), NO_FALLBACK);
    }

    /** Every text of a bundle in a language (page texts for templates and scripts). */
    public static Map<String, String> all(String baseName, Language language) {
        ResourceBundle b = bundle(baseName, language);
        Map<String, String> out = new TreeMap<>();
        for (String key : Collections.list(b.getKeys())) {
            out.put(key, b.getString(key));
        }
        return out;
    }
}
