package org.hospital.continuity.server.hisfeed.integration;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hospital.continuity.server.hisfeed.HisFeedConfig;
import org.hospital.continuity.server.hisfeed.app.ApplyingAdtMessages;
import org.hospital.continuity.server.hisfeed.domain.AdtCensus;
import org.hospital.continuity.server.hisfeed.domain.AdtMessage;
import org.hospital.continuity.server.writeback.WriteBackConfig;

/**
 * The HL7 v2 ADT adapter of the HIS reference feed: an MLLP listener (HAPI HL7 v2, structures 2.5.1) for the HIS's ADT
 * messages — A01 admit, A02 transfer, A03 discharge, A08 update — read into {@link AdtMessage}s and handed to
 * {@link ApplyingAdtMessages}; each is answered ACK AA when applied (or understood with nothing to do), AE with an ERR
 * segment (the condition code, the segment and field at fault, the reason) when it cannot be applied — and then nothing
 * of it is stored. It listens when the feed is on and the HIS link is HL7 v2 ({@code continuity.writeback.link=hl7v2}),
 * on {@code continuity.his-feed.adt.port}. HAPI's raw message loggers are off (patient data is never logged).
 */
@ApplicationScoped
public class AdtListener {

    private final HisFeedConfig config;
    private final WriteBackConfig link;
    private final ApplyingAdtMessages census;
    private HapiContext context;
    private HL7Service server;
    private ExecutorService threads;
    private int port = -1;

    public AdtListener(HisFeedConfig config, WriteBackConfig link, ApplyingAdtMessages census) {
        this.config = config;
        this.link = link;
        this.census = census;
    }

    void start(@Observes StartupEvent e) {
        String kind = link.link().trim().toLowerCase(java.util.Locale.ROOT);
        if (config.enabled() && (kind.equals("hl7v2") || kind.equals("v2"))) {
            open(config.adt().port());
        }
    }

    void stop(@Observes ShutdownEvent e) {
        close();
    }

    /** Whether the listener is open. */
    public synchronized boolean listening() {
        return server != null;
    }

    /** The port it listens on (-1: closed). */
    public synchronized int port() {
        return port;
    }

    /** Opens the listener on {@code wanted} (0: any free port); answers the port. Opening an open listener changes nothing. */
    public synchronized int open(int wanted) {
        if (server != null) {
            return port;
        }
        int p = wanted;
        if (p == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port for the ADT listener", e);
            }
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "adt-mllp");
            t.setDaemon(true);
            return t;
        });
        context = new DefaultHapiContext();
        context.setExecutorService(threads);
        context.getParserConfiguration().setValidating(false);
        // acknowledgement control ids (MSH-10) from the clock, not HAPI's default file-based counter (an id_file in the working folder)
        context.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator());
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
        HL7Service s = context.newServer(p, false);
        s.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message in, Map<String, Object> metadata) throws HL7Exception {
                return answer(in);
            }

            @Override
            public boolean canProcess(Message in) {
                return true;
            }
        });
        try {
            s.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server = s;
        port = p;
        Log.infof("HL7 v2 ADT listener on port %d", p);
        return p;
    }

    /** Closes the listener (shutdown, tests). */
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stopAndWait();
        try {
            context.close();
        } catch (IOException ignored) {
            // closing
        }
        threads.shutdownNow();
        server = null;
        port = -1;
    }

    /** One message: read, applied (or refused), acknowledged. */
    Message answer(Message in) throws HL7Exception {
        AdtMessage m;
        try {
            m = read(in);
        } catch (HL7Exception | RuntimeException e) {
            return refuse(in, new AdtCensus.Rejected("readable", "消息无法解析", "MSH", 0, 102));
        }
        ApplyingAdtMessages.Outcome outcome = census.apply(m);
        if (outcome.accepted()) {
            try {
                return inCharset(in, in.generateACK());
            } catch (IOException e) {
                throw new HL7Exception(e);
            }
        }
        return refuse(in, (AdtCensus.Rejected) outcome.decision());
    }

    /** The answer in the message's character set (MSH-18, e.g. UNICODE UTF-8: the MLLP layer writes it so, Chinese reasons). */
    private static Message inCharset(Message in, Message ack) throws HL7Exception {
        String charset = new Terser(in).get("/MSH-18");
        if (charset != null && !charset.isBlank()) {
            new Terser(ack).set("/MSH-18", charset);
        }
        return ack;
    }

    private static Message refuse(Message in, AdtCensus.Rejected r) throws HL7Exception {
        HL7Exception error = new HL7Exception(r.reason(), ErrorCode.errorCodeFor(r.errorCode()));
        error.setSegmentName(r.segment());
        if (r.field() > 0) {
            error.setFieldPosition(r.field());
        }
        try {
            return inCharset(in, in.generateACK(AcknowledgmentCode.AE, error));
        } catch (IOException e) {
            throw new HL7Exception(e);
        }
    }

    /** The census's fields of an ADT message (A01, A02, A03 and A08 structures alike, by Terser path). */
    static AdtMessage read(Message in) throws HL7Exception {
        Terser t = new Terser(in);
        String family = t.get("/.PID-5-1-1");
        String given = t.get("/.PID-5-2");
        String name = family == null && given == null ? null : (family == null ? "" : family) + (given == null ? "" : given);
        String idNumber = null;
        for (int rep = 0; rep < 5; rep++) {
            String type = t.get("/.PID-3(" + rep + ")-5");
            String value = t.get("/.PID-3(" + rep + ")-1");
            if (value == null) {
                break;
            }
            if ("NNCHN".equals(type)) {
                idNumber = value;
            }
        }
        String birth = t.get("/.PID-7-1");
        LocalDate birthDate = null;
        if (birth != null && birth.length() >= 8 && birth.substring(0, 8).chars().allMatch(Character::isDigit)) {
            try {
                birthDate = LocalDate.of(Integer.parseInt(birth.substring(0, 4)), Integer.parseInt(birth.substring(4, 6)),
                        Integer.parseInt(birth.substring(6, 8)));
            } catch (java.time.DateTimeException e) {
                birthDate = null;
            }
        }
        String attendingFamily = t.get("/.PV1-7-2-1");
        String attendingGiven = t.get("/.PV1-7-3");
        String attendingName = attendingFamily == null && attendingGiven == null ? null
                : (attendingFamily == null ? "" : attendingFamily) + (attendingGiven == null ? "" : attendingGiven);
        return new AdtMessage(t.get("/.MSH-9-2"), t.get("/.PV1-2"), t.get("/.PID-3-1"), t.get("/.PV1-19-1"), name, t.get("/.PID-8"), birthDate,
                idNumber, t.get("/.PID-13-1"), t.get("/.PV1-3-1"), t.get("/.PV1-3-9"), t.get("/.PV1-3-3"), t.get("/.PV1-10"),
                t.get("/.PV1-7-1"), attendingName);
    }
}
