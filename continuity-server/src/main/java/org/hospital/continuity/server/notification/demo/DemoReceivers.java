package org.hospital.continuity.server.notification.demo;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Receivers for the demo mode of {@code ./run.sh} (the {@code demo} profile): a small SMTP server on the loopback
 * interface that keeps what the mailer sends, and webhook endpoints standing in for the SMS gateway and the WeCom /
 * DingTalk robots ({@link DemoReceiversResource}), so that a newcomer sees notifications really leave the server
 * without any outside service. Messages are kept in memory only (the newest {@link #KEEP}). Never enabled in
 * production: {@code continuity.demo-receivers.enabled} is set by the demo profile alone.
 */
@ApplicationScoped
public class DemoReceivers {

    static final int KEEP = 300;

    /** One message received: over which channel, to whom, what. */
    public record Received(long seq, Instant at, String channel, String to, String subject, String body, String note) {
    }

    private final boolean enabled;
    private final int smtpPort;
    private final InstantSource clock;
    private final Deque<Received> received = new ArrayDeque<>();
    private long seq;
    private NetServer smtp;

    public DemoReceivers(DemoReceiversSettings settings, InstantSource clock) {
        this.enabled = settings.enabled();
        this.smtpPort = settings.smtpPort();
        this.clock = clock;
    }

    public boolean enabled() {
        return enabled;
    }

    public int smtpPort() {
        return smtpPort;
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        if (!enabled) {
            return;
        }
        smtp = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(smtpPort)).connectHandler(this::session);
        smtp.listen().onSuccess(s -> Log.infof("demo receivers: SMTP on 127.0.0.1:%d, page /demo/receivers", s.actualPort()))
                .onFailure(e -> Log.errorf("demo receivers: SMTP port %d not opened: %s", smtpPort, e.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (smtp != null) {
            smtp.close();
        }
    }

    public synchronized void keep(String channel, String to, String subject, String body, String note) {
        received.addFirst(new Received(++seq, clock.instant(), channel, to, subject, body, note));
        while (received.size() > KEEP) {
            received.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The SMTP dialogue, just enough for the mailer: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. */
    private void session(NetSocket socket) {
        socket.write("220 continuity demo SMTP receiver\r\n");
        SmtpState state = new SmtpState();
        RecordParser parser = RecordParser.newDelimited("\r\n", line -> {
            String l = line.toString(java.nio.charset.StandardCharsets.UTF_8);
            if (state.inData) {
                if (l.equals(".")) {
                    state.inData = false;
                    MailText mail = MailText.parse(state.data.toString());
                    keep("EMAIL", String.join(", ", state.recipients), mail.subject(), mail.body(), null);
                    state.reset();
                    socket.write("250 OK kept\r\n");
                } else {
                    state.data.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
                }
                return;
            }
            String upper = l.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                socket.write("250-continuity demo\r\n250 8BITMIME\r\n");
            } else if (upper.startsWith("HELO")) {
                socket.write("250 continuity demo\r\n");
            } else if (upper.startsWith("MAIL FROM")) {
                state.reset();
                socket.write("250 OK\r\n");
            } else if (upper.startsWith("RCPT TO")) {
                state.recipients.add(l.substring(l.indexOf(':') + 1).trim().replaceAll("^<|>$", ""));
                socket.write("250 OK\r\n");
            } else if (upper.equals("DATA")) {
                state.inData = true;
                socket.write("354 end with <CRLF>.<CRLF>\r\n");
            } else if (upper.startsWith("QUIT")) {
                socket.write("221 bye\r\n").onComplete(x -> socket.close());
            } else if (upper.startsWith("RSET")) {
                state.reset();
                socket.write("250 OK\r\n");
            } else if (upper.startsWith("NOOP")) {
                socket.write("250 OK\r\n");
            } else {
                socket.write("502 not implemented\r\n");
            }
        });
        parser.maxRecordSize(1_000_000);
        socket.handler(parser);
    }

    private static final class SmtpState {
        boolean inData;
        final List<String> recipients = new ArrayList<>();
        final StringBuilder data = new StringBuilder();

        void reset() {
            inData = false;
            recipients.clear();
            data.setLength(0);
        }
    }
}
