package io.leadqualifier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class InstantJsonTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(InstantJson.module());

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2026-11-22T10:00:00.5Z",
            "2026-11-22T10:00:00.123Z", "2026-11-22T10:00:00.123456789Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z"})
    void readsTheCommonFormAsJavaDoes(String text) throws Exception {
        assertThat(InstantJson.parseUtc(text)).isEqualTo(Instant.parse(text));
        assertThat(json.readValue('"' + text + '"', Instant.class)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00+01:00", "2026-02-30T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22 10:00:00Z",
            "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00.1234567890Z", "2026-11-22T10:00Z", "+2026-11-22T10:00:00Z", "2026-11-22T10:00:60Z"})
    void leavesEveryOtherFormToJackson(String text) {
        assertThat(InstantJson.parseUtc(text)).isNull();
    }

    @Test
    void anOffsetIsStillReadAsBefore() throws Exception {
        assertThat(json.readValue("\"2026-11-22T10:00:00+01:00\"", Instant.class)).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void aDateThatDoesNotExistIsStillRefused() {
        assertThatThrownBy(() -> json.readValue("\"2026-02-30T10:00:00Z\"", Instant.class)).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> json.readValue("\"yesterday\"", Instant.class)).isInstanceOf(InvalidFormatException.class);
    }
}
