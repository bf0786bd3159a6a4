package org.hospital.continuity.sync.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The JSON rules both apps' APIs read request bodies by: nothing after the body's value (trailing data is refused,
 * not ignored), no fraction silently cut off where a whole number is expected (a quantity of 1.5 is refused, never
 * stored as 1), and no U+0000 in any text (PostgreSQL cannot store it, and no name, address or note holds one).
 * Each refusal is a Jackson input error, which the apps answer with a 400 problem naming the field.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Applies the rules to an application's ObjectMapper (from its ObjectMapperCustomizer). */
    public static void apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("strict-json").addDeserializer(String.class, new NulFreeString()));
    }

    /**
     * Strings as Jackson reads them, refused when they hold U+0000, and only from a JSON string: a number or a boolean
     * where text is expected is refused (a name sent as {@code true} is never stored as "true").
     */
    static final class NulFreeString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isScalarValue() && p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                    && p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_EMBEDDED_OBJECT
                    && p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                return (String) ctxt.handleUnexpectedToken(String.class, p.currentToken(), p,
                        "text is expected here, not a number or true/false");
            }
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, s, "text must not contain the NUL character (U+0000)");
            }
            return s;
        }
    }
}
