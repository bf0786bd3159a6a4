package org.hospital.continuity.server.notification.integration;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.notification.app.ChannelFailure;
import org.hospital.continuity.server.notification.app.ChannelSender;
import org.hospital.continuity.server.notification.app.Outgoing;
import org.hospital.continuity.server.notification.domain.Channel;

/** E-mail through Quarkus Mailer (SMTP), plain text in UTF-8. */
@ApplicationScoped
public class MailChannel implements ChannelSender {

    private final ReactiveMailer mailer;

    public MailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        return mailer.send(Mail.withText(m.address(), m.subject(), m.body()))
                .onFailure().transform(e -> new ChannelFailure("SMTP: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage())));
    }
}
