package org.hospital.continuity.sync.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 proxy between a kiosk and the server that misbehaves on purpose, from a
 * seeded random: it drops connections in the middle of a request, loses answers after the server
 * committed, duplicates requests (sent concurrently), holds requests back and replays them later
 * (out of order), and delays answers past the client's timeout. Every client connection carries one
 * request ({@code Connection: close} towards the server).
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy does to one request. */
    public enum Fault {
        /** Forwarded, answered. */
        PASS,
        /** Half the request reaches the server, then both connections are cut. */
        DROP_MID_REQUEST,
        /** The server gets the whole request and answers; the answer is never delivered. */
        DROP_ANSWER,
        /** The request reaches the server twice, concurrently; one answer is delivered. */
        DUPLICATE,
        /** Forwarded and answered, but the answer is held longer than the client waits. */
        DELAY_ANSWER,
        /** Not forwarded now (the client's connection is cut); replayed to the server later, after newer requests. */
        REPLAY_LATER
    }

    /** Percentages of each fault (the rest passes) and how long a delayed answer is held. */
    public record Plan(int dropMidRequest, int dropAnswer, int duplicate, int delayAnswer, int replayLater, Duration delay) {
        public static final Plan CLEAN = new Plan(0, 0, 0, 0, 0, Duration.ZERO);

        public Plan {
            if (dropMidRequest + dropAnswer + duplicate + delayAnswer + replayLater > 100) {
                throw new IllegalArgumentException("more than 100 %");
            }
        }

        Fault pick(int roll) {
            int r = roll;
            if ((r -= dropMidRequest) < 0) {
                return Fault.DROP_MID_REQUEST;
            }
            if ((r -= dropAnswer) < 0) {
                return Fault.DROP_ANSWER;
            }
            if ((r -= duplicate) < 0) {
                return Fault.DUPLICATE;
            }
            if ((r -= delayAnswer) < 0) {
                return Fault.DELAY_ANSWER;
            }
            if ((r -= replayLater) < 0) {
                return Fault.REPLAY_LATER;
            }
            return Fault.PASS;
        }
    }

    private final ServerSocket listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private final Map<Fault, AtomicInteger> counts = new EnumMap<>(Fault.class);
    private final Deque<byte[]> heldBack = new ArrayDeque<>();
    private volatile Plan plan;
    private volatile int targetPort;
    private volatile boolean closed;

    private FaultyProxy(int targetPort, long seed, Plan plan) throws IOException {
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.plan = plan;
        for (Fault f : Fault.values()) {
            counts.put(f, new AtomicInteger());
        }
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FaultyProxy start(int targetPort, long seed, Plan plan) throws IOException {
        return new FaultyProxy(targetPort, seed, plan);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public void plan(Plan newPlan) {
        this.plan = newPlan;
    }

    /** The server came back on another port. */
    public void target(int port) {
        this.targetPort = port;
    }

    public Map<Fault, Integer> counts() {
        Map<Fault, Integer> m = new EnumMap<>(Fault.class);
        counts.forEach((f, n) -> m.put(f, n.get()));
        return m;
    }

    /** Sends every held-back request to the server now (in the order held). */
    public void replayHeldBack() {
        byte[] request;
        while ((request = pollHeld()) != null) {
            try {
                exchange(request);
            } catch (IOException ignored) {
                // the server may be down; a replay is best effort, like a late packet
            }
        }
    }

    private synchronized byte[] pollHeld() {
        return heldBack.poll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                workers.execute(() -> handle(client));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private Fault nextFault() {
        int roll;
        synchronized (random) {
            roll = random.nextInt(100);
        }
        return plan.pick(roll);
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            byte[] request = readRequest(client.getInputStream());
            if (request == null) {
                return;
            }
            Fault fault = nextFault();
            counts.get(fault).incrementAndGet();
            // a held-back request overtakes nothing: it goes to the server after this newer one
            switch (fault) {
                case PASS -> {
                    byte[] answer = exchange(request);
                    client.getOutputStream().write(answer);
                    replayOneLater();
                }
                case DROP_MID_REQUEST -> {
                    try (Socket server = connect()) {
                        OutputStream out = server.getOutputStream();
                        out.write(request, 0, request.length / 2);
                        out.flush();
                        server.setSoLinger(true, 0); // reset, like a cable pulled
                    }
                }
                case DROP_ANSWER -> {
                    exchange(request);
                    client.setSoLinger(true, 0);
                }
                case DUPLICATE -> {
                    var second = workers.submit(() -> exchange(request));
                    byte[] first = exchange(request);
                    try {
                        second.get(30, TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // the duplicate's fate does not matter to the client
                    }
                    client.getOutputStream().write(first);
                }
                case DELAY_ANSWER -> {
                    byte[] answer = exchange(request);
                    Thread.sleep(plan.delay().toMillis());
                    client.getOutputStream().write(answer);
                }
                case REPLAY_LATER -> {
                    synchronized (this) {
                        heldBack.add(request);
                    }
                    client.setSoLinger(true, 0);
                }
                default -> throw new IllegalStateException();
            }
            client.getOutputStream().flush();
        } catch (SocketException e) {
            // the client or the server went away: exactly the kind of thing this proxy is for
        } catch (IOException e) {
            // same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void replayOneLater() {
        byte[] late = pollHeld();
        if (late != null) {
            workers.execute(() -> {
                try {
                    exchange(late);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        s.setSoTimeout(60_000);
        return s;
    }

    /** Sends one request to the server and reads its whole answer (the server closes after it). */
    private byte[] exchange(byte[] request) throws IOException {
        try (Socket server = connect()) {
            server.getOutputStream().write(request);
            server.getOutputStream().flush();
            return server.getInputStream().readAllBytes();
        }
    }

    /**
     * Reads one HTTP/1.1 request (headers, then Content-Length bytes) and rewrites it for a
     * one-shot server connection. Null when the client closed before sending one.
     */
    static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = nextHeaderState(state, b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
        int length = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (name.equals("content-length")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
            if (name.equals("connection") || name.equals("keep-alive")) {
                continue;
            }
            rewritten.append(line).append("\r\n");
        }
        rewritten.append("Connection: close\r\n\r\n");
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rewritten.length() + length);
        out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        return out.toByteArray();
    }

    /** 0 → \r → 1 → \n → 2 → \r → 3 → \n → 4 (end of the header block). */
    private static int nextHeaderState(int state, int b) {
        if (b == '\r') {
            return state == 2 ? 3 : 1;
        }
        if (b == '\n' && (state == 1 || state == 3)) {
            return state + 1;
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        workers.shutdownNow();
    }
}
