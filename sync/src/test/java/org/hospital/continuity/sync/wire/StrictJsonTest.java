package org.hospital.continuity.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Line(String name, int quantity) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        StrictJson.apply(mapper);
    }

    @Test
    @DisplayName("a well-formed body reads as before")
    void plainBody() throws Exception {
        assertThat(mapper.readValue("{\"name\":\"阿莫西林\",\"quantity\":2}", Line.class)).isEqualTo(new Line("阿莫西林", 2));
    }

    @Test
    @DisplayName("trailing data after the body, a cut-off fraction and a NUL in a text are refused, naming the field")
    void refusals() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"quantity\":1} {\"x\":1}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"quantity\":1.5}", Line.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"quantity\":2.0}", Line.class))
                .as("a whole number is written as one (browsers' JSON.stringify does)").isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"name\":true,\"quantity\":1}", Line.class))
                .as("a boolean is no text").isInstanceOf(MismatchedInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> mapper.readValue("{\"name\":42,\"quantity\":1}", Line.class))
                .as("a number is no text").isInstanceOf(MismatchedInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\\u0000b\",\"quantity\":1}", Line.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("name").hasMessageContaining("NUL");
    }
}
