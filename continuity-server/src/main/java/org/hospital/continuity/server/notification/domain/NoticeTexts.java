package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.platform.text.Bundles;
import org.hospital.continuity.server.platform.text.Language;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders notifications from the message bundle {@code i18n/notice} (Chinese in {@code notice.properties},
 * English in {@code notice_en.properties}): short, and saying what to do, not only what happened.
 * Placeholders are {@code {name}}; a missing value is an error, never a half-filled message.
 */
public final class NoticeTexts {

    /** A notification whose params hold this key is about a drill: subject and body carry the drill prefix. */
    public static final String DRILL_PARAM = "drill";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private NoticeTexts() {
    }

    /** The bundle of a language (see {@link Bundles}). */
    public static ResourceBundle bundle(String baseName, Language language) {
        return Bundles.bundle(baseName, language);
    }

    /**
     * The message of {@code kind} in {@code language}.
     *
     * @param round   1 for the first sending, 2… for reminders (they get a "reminder n" prefix)
     * @param ackLink the acknowledgement link, or null when the kind needs none
     */
    public static RenderedMessage render(NoticeKind kind, Language language, Map<String, Text> params, int round, String ackLink) {
        ResourceBundle b = bundle("i18n/notice", language);
        String subject = fill(get(b, kind.key() + ".subject"), params, language);
        String body = fill(get(b, kind.key() + ".body"), params, language);
        if (round > 1) {
            String prefix = fill(get(b, "reminder.prefix"), Map.of("round", Text.plain(Integer.toString(round))), language);
            subject = prefix + subject;
            body = prefix + body;
        }
        if (ackLink != null) {
            body = body + "\n" + fill(get(b, "ack.line"), Map.of("ackLink", Text.plain(ackLink)), language);
        }
        if (params.containsKey(DRILL_PARAM)) {
            // (EP-9.4): a drill's notice says so before anything else, in every round
            String drill = get(b, "drill.prefix");
            subject = drill + subject;
            body = drill + body;
        }
        return new RenderedMessage(language, subject, body);
    }

    static String get(ResourceBundle b, String key) {
        try {
            return b.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + b.getBaseBundleName() + " " + b.getLocale(), e);
        }
    }

    /** Replaces every {@code {name}}; refuses a pattern whose value is missing. */
    public static String fill(String pattern, Map<String, Text> params, Language language) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Text value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("message parameter '" + m.group(1) + "' is missing");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.in(language)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
