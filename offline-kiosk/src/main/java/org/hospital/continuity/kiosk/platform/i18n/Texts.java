package org.hospital.continuity.kiosk.platform.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.hospital.continuity.kiosk.platform.persistence.KioskSettings;

/**
 * UI and error texts per language from {@code messages/messages_<lang>.properties} (UTF-8):
 * Simplified Chinese by default, English on the switch. The UI gets the whole bundle; errors carry
 * message keys that are resolved here, so a cashier reads what to do in their language.
 */
@ApplicationScoped
public class Texts {

    public static final String DEFAULT_LANGUAGE = "zh-CN";

    /** The setting that holds the UI language. */
    public static final String LANGUAGE_SETTING = "language";

    private final KioskSettings settings;
    private final Map<String, Map<String, String>> bundles = Map.of(
            "zh-CN", load("messages/messages_zh_CN.properties"),
            "en", load("messages/messages_en.properties"));

    public Texts(KioskSettings settings) {
        this.settings = settings;
    }

    /** The kiosk's current UI language (setting {@code language}; zh-CN when unset). */
    public String language() {
        try {
            return settings.get(LANGUAGE_SETTING).orElse(DEFAULT_LANGUAGE);
        } catch (Exception e) {
            return DEFAULT_LANGUAGE;
        }
    }

    public Map<String, String> bundle(String language) {
        return bundles.getOrDefault(language, bundles.get(DEFAULT_LANGUAGE));
    }

    /** The text of {@code keyOrText} in the current language; a string that is not a key is returned as is. */
    public String text(String keyOrText) {
        return text(language(), keyOrText);
    }

    public String text(String language, String keyOrText) {
        if (keyOrText == null) {
            return null;
        }
        String t = bundle(language).get(keyOrText);
        return t != null ? t : keyOrText;
    }

    private static Map<String, String> load(String path) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("message bundle missing: " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return Map.copyOf(m);
    }
}
