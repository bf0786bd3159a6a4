package org.hospital.continuity.server.notification.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subject and the plain-text body of a message as the demo SMTP receiver got it: headers unfolded,
 * RFC 2047 encoded words (B and Q), base64 or quoted-printable bodies, the first text/plain part of a multipart.
 */
record MailText(String subject, String body) {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    static MailText parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 4);
        Map<String, String> headers = headers(head);
        String type = headers.getOrDefault("content-type", "text/plain");
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
            if (b.find()) {
                for (String part : body.split(Pattern.quote("--" + b.group(1)))) {
                    String p = part.startsWith("\r\n") ? part.substring(2) : part;
                    MailText inner = parse(p);
                    Map<String, String> partHeaders = headers(p.contains("\r\n\r\n") ? p.substring(0, p.indexOf("\r\n\r\n")) : "");
                    if (partHeaders.getOrDefault("content-type", "").toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                        return new MailText(decodeWords(headers.getOrDefault("subject", "")), inner.body());
                    }
                }
            }
        }
        return new MailText(decodeWords(headers.getOrDefault("subject", "")),
                decodeBody(body, headers.getOrDefault("content-transfer-encoding", "7bit"), charset(type)).strip());
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> out = new LinkedHashMap<>();
        String unfolded = head.replaceAll("\r\n[ \t]+", " ");
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    private static Charset charset(String type) {
        Matcher m = Pattern.compile("charset=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(type);
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String decodeWords(String s) {
        // whitespace between two encoded words is not part of the text (RFC 2047 6.2)
        String joined = s.replaceAll("\\?=\\s+=\\?", "?==?");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        int last = 0;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Charset pendingCharset = null;
        while (m.find()) {
            if (m.start() > last) {
                flush(out, pending, pendingCharset);
                out.append(joined, last, m.start());
            }
            Charset cs = Charset.forName(m.group(1));
            if (pendingCharset != null && !pendingCharset.equals(cs)) {
                flush(out, pending, pendingCharset);
            }
            pendingCharset = cs;
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(joined.substring(last));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, Charset cs) {
        if (pending.size() > 0) {
            out.append(new String(pending.toByteArray(), cs == null ? StandardCharsets.UTF_8 : cs));
            pending.reset();
        }
    }

    private static String decodeBody(String body, String encoding, Charset cs) {
        String e = encoding.toLowerCase(Locale.ROOT);
        if (e.equals("base64")) {
            return new String(Base64.getMimeDecoder().decode(body), cs);
        }
        if (e.equals("quoted-printable")) {
            return new String(quotedPrintable(body.replaceAll("=\r\n", "")), cs);
        }
        return body;
    }

    static byte[] quotedPrintable(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
