package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.platform.text.Language;
import java.util.Objects;

/** A message as it goes out: a short subject (mail subject, robot title) and the body. */
public record RenderedMessage(Language language, String subject, String body) {

    public RenderedMessage {
        Objects.requireNonNull(language);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }
}
