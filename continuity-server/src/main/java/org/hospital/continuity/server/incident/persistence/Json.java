package org.hospital.continuity.server.incident.persistence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored JSON as plain maps and lists (what the plain-Java event format reads). */
final class Json {

    private Json() {
    }

    static Map<String, Object> plain(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        o.forEach(e -> out.put(e.getKey(), plainValue(e.getValue())));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object v) {
        if (v instanceof JsonObject o) {
            return plain(o);
        }
        if (v instanceof Map<?, ?> m) {
            return plain(new JsonObject((Map<String, Object>) m));
        }
        if (v instanceof JsonArray a) {
            List<Object> out = new ArrayList<>();
            a.forEach(x -> out.add(plainValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return plainValue(new JsonArray(l));
        }
        return v;
    }
}
