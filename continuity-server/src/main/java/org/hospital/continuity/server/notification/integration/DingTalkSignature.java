package org.hospital.continuity.server.notification.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk robot "加签" (signed requests): {@code sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))},
 * sent with the millisecond {@code timestamp} as query parameters; DingTalk refuses a timestamp more than
 * an hour off.
 */
public final class DingTalkSignature {

    private DingTalkSignature() {
    }

    /** The Base64 signature (before URL encoding). */
    public static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The webhook URL with {@code timestamp} and URL-encoded {@code sign} appended. */
    public static String signedUrl(String url, long timestampMillis, String secret) {
        String sign = URLEncoder.encode(sign(timestampMillis, secret), StandardCharsets.UTF_8);
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + sign;
    }
}
