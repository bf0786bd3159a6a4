package org.hospital.continuity.sync.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the audit entries of one HTTP endpoint say, worked out once per endpoint from its method and route
 * template (HR-8), and the per-request parts (record ids, outcome). The server's and the kiosk's request
 * filters both use it, so an endpoint is described the same way on both ends and endpoints added later are
 * audited without being listed. Plain Java: the filters pass the {@code @Path} values and path parameters.
 *
 * @param method     the HTTP method
 * @param template   the route template as written on the resource ({@code /api/accounts/{id}/disable})
 * @param action     the entry's action: method and template ({@code POST /api/accounts/{id}/disable})
 * @param category   the entry's category ({@link AuditCategories#of})
 * @param recordType the kind of record touched ({@link #recordType})
 */
public record AuditRoute(String method, String template, String action, String category, String recordType) {

    private static final Pattern REGEX_PARAMETER = Pattern.compile("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}");
    private static final Pattern SLASHES = Pattern.compile("/+");

    public static AuditRoute of(String method, String template) {
        return new AuditRoute(method, template, method + " " + template, AuditCategories.of(method, template), recordType(template));
    }

    /**
     * The route template of a resource method from its class's and its own {@code @Path} values (either may
     * be null): joined with one slash, a parameter's regular expression removed ({@code {id: [0-9]+}} →
     * {@code {id}}), one leading slash, no trailing one.
     */
    public static String template(String classPath, String methodPath) {
        String p = (classPath == null ? "" : classPath) + "/" + (methodPath == null ? "" : methodPath);
        p = SLASHES.matcher(REGEX_PARAMETER.matcher(p).replaceAll("{$1}")).replaceAll("/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /**
     * The kind of record a route touches: the segment before its last path parameter
     * ({@code /api/accounts/{id}/disable} → {@code accounts}), else its last segment.
     */
    public static String recordType(String template) {
        String[] parts = template.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].startsWith("{") && !parts[i - 1].startsWith("{")) {
                return parts[i - 1];
            }
        }
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    /** The path parameters (record ids, never a body) as {@code name=value,…}, sorted by name; the first value of each. */
    public static String pathParameters(Map<String, ? extends List<String>> parameters) {
        Map<String, String> sorted = new TreeMap<>();
        parameters.forEach((k, v) -> sorted.put(k, v == null || v.isEmpty() ? "" : v.get(0)));
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * The entry's record ids: the path parameters, and {@code created=<id>} (the last segment of the
     * response's {@code Location}) when the request created a record.
     */
    public static String recordId(Map<String, ? extends List<String>> parameters, Object location) {
        StringBuilder b = new StringBuilder(pathParameters(parameters));
        if (location != null) {
            String l = location.toString();
            b.append(b.length() == 0 ? "" : ",").append("created=").append(l.substring(l.lastIndexOf('/') + 1));
        }
        return b.toString();
    }

    /** Whether the method only reads (GET, HEAD, OPTIONS); every other request changes something. */
    public static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** The entry's outcome for a response status: {@code SUCCESS} below 400, else the status. */
    public static String outcome(int status) {
        return status < 400 ? "SUCCESS" : Integer.toString(status);
    }
}
