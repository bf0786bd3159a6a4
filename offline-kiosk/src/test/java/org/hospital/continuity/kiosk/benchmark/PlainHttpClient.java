package org.hospital.continuity.kiosk.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket, as a browser tab holds one connection to
 * the kiosk: one write per request (TCP_NODELAY), the answer read by Content-Length or chunks.
 * The benchmark uses it so that the figures are the kiosk's, not the JDK HttpClient's own thread
 * hand-offs (its selector thread and executor added 0.25–0.45 ms per request at the median here).
 */
final class PlainHttpClient implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    PlainHttpClient(URL base) throws IOException {
        this.host = base.getHost();
        this.port = base.getPort();
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    Answer get(String path, String cookie) throws IOException {
        return exchange("GET", path, cookie, null);
    }

    Answer post(String path, String cookie, byte[] json) throws IOException {
        return exchange("POST", path, cookie, json);
    }

    private Answer exchange(String method, String path, String cookie, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\nAccept: application/json\r\n");
        if (cookie != null) {
            head.append("Cookie: kiosk_session=").append(cookie).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[h.length + (body == null ? 0 : body.length)];
        System.arraycopy(h, 0, request, 0, h.length);
        if (body != null) {
            System.arraycopy(body, 0, request, h.length, body.length);
        }
        out.write(request);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String l = line(); !l.isEmpty(); l = line()) {
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(l.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                content.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length >= 0) {
            content.write(in.readNBytes((int) length));
        }
        if (close) {
            close();
            connect();
        }
        return new Answer(code, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by the kiosk");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
