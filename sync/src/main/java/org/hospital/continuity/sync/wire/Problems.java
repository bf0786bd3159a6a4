package org.hospital.continuity.sync.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Framework-free helpers that turn parser and validation failures into problems both apps answer alike. */
public final class Problems {

    private Problems() {
    }

    /** A 400 for a body that is not JSON, or JSON of the wrong shape, naming the field where known. */
    public static Problem malformedJson(JsonProcessingException e) {
        String detail;
        if (e instanceof InvalidFormatException ife && !ife.getPath().isEmpty()) {
            detail = "Field '" + path(ife) + "' has a value of the wrong type or format.";
        } else if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            detail = "Field '" + path(mie) + "' has the wrong type.";
        } else {
            detail = "The body is not valid JSON.";
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", detail);
    }

    /**
     * The field a client knows from a Bean Validation property path:
     * {@code file.request.location} (method.parameter.field) → {@code location}; {@code newest.limit} → {@code limit}.
     */
    public static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
