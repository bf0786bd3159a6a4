package org.hospital.continuity.sync.wire;

import java.util.Optional;

/**
 * Oversize requests answered as problem+json in both apps (HR-13 robustness; "bad input → problem+json"). The HTTP
 * decoder of Vert.x answers a request line or a header section over its own limits, and a body over Quarkus's
 * {@code max-body-size}, with a bare status and no body; each app's first route therefore checks the same limits
 * a step earlier, with this rule, and answers in Chinese:
 * <ul>
 *   <li>an address (the request target: path and query) over {@link Limits#maxTargetChars()} characters → 414;</li>
 *   <li>a header section over {@link Limits#maxHeaderBytes()} bytes → 431;</li>
 *   <li>a declared body length over {@link Limits#maxBodyBytes()} → 413 before a byte is read; a body without a length
 *       (chunked) is counted as it arrives and refused with the same 413 once it passes the limit.</li>
 * </ul>
 * The decoders' own limits are set well above these (each app's {@code quarkus.http.limits.*}), so that a request the
 * decoder would refuse bare reaches this rule first; only a request over the decoders' ceilings still gets their bare
 * answer (Quarkus creates and starts the HTTP server itself, and Vert.x takes a handler for undecodable requests only
 * before the server listens). Plain Java: no Vert.x, no Quarkus.
 */
public final class OversizeRequests {

    private OversizeRequests() {
    }

    /**
     * The limits a request is held to: {@code maxBodyBytes} is the HTTP layer's own body limit (Quarkus
     * {@code max-body-size}), checked here on the declared length; a body without a declared length is held to the
     * app's limit for its address ({@link #overLimit}), which each app's request filter already applies to declared
     * lengths in the app's own language.
     */
    public record Limits(int maxTargetChars, int maxHeaderBytes, long maxBodyBytes) {
    }

    /** The refusal for an address, a header section or a declared length; empty when the request may go on. */
    public static Optional<Problem> check(String target, long headerBytes, String contentLength, Limits limits) {
        if (target != null && target.length() > limits.maxTargetChars()) {
            return Optional.of(uriTooLong(limits));
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            return Optional.of(headersTooLarge(limits));
        }
        if (contentLength != null) {
            long declared;
            try {
                declared = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                return Optional.of(Problem.of(400, "bad-request", "请求看不懂", "请求的长度（Content-Length）不是一个数字，没有保存任何内容。"));
            }
            if (declared > limits.maxBodyBytes()) {
                return Optional.of(bodyTooLarge(limits.maxBodyBytes()));
            }
        }
        return Optional.empty();
    }

    /** Whether a body arriving without a declared length has passed its address's limit. */
    public static boolean overLimit(long receivedSoFar, long limit) {
        return receivedSoFar > limit;
    }

    public static Problem uriTooLong(Limits limits) {
        return Problem.of(414, "uri-too-long", "地址太长", "请求的地址（路径和查询）超过 " + limits.maxTargetChars()
                + " 个字符，没有处理，也没有保存任何内容。");
    }

    public static Problem headersTooLarge(Limits limits) {
        return Problem.of(431, "headers-too-large", "请求头太大", "请求头超过 " + size(limits.maxHeaderBytes())
                + "，没有处理，也没有保存任何内容。请清除浏览器里本系统的 Cookie 后再试。");
    }

    public static Problem bodyTooLarge(long limit) {
        return Problem.of(413, "payload-too-large", "内容太多", "请求内容超过 " + size(limit)
                + "，没有保存任何内容。");
    }

    /** 4194304 → "4 MB", 65536 → "64 KB", 100 → "100 字节" (as Chinese software writes sizes). */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) { // whole MB; else whole KB; else bytes
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }
}
