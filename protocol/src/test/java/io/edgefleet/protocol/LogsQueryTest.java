package io.edgefleet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code stream} and {@code lines} query parameters, read alike by the server and the edge. */
class LogsQueryTest {

    @Test
    void streamDefaultsToStdoutAndNamesEither() {
        assertThat(LogStream.ofQuery(null)).isEqualTo(LogStream.STDOUT);
        assertThat(LogStream.ofQuery(" ")).isEqualTo(LogStream.STDOUT);
        assertThat(LogStream.ofQuery("stdout")).isEqualTo(LogStream.STDOUT);
        assertThat(LogStream.ofQuery(" stderr ")).isEqualTo(LogStream.STDERR);
        assertThat(LogStream.STDERR.wireName()).isEqualTo("stderr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"both", "STDERR", "stdin"})
    void otherStreamsAreRefused(String name) {
        assertThatThrownBy(() -> LogStream.ofQuery(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream must be stdout or stderr");
    }

    @Test
    void linesDefaultAndBounds() {
        assertThat(LogsRequest.linesOfQuery(null)).isEqualTo(LogsRequest.DEFAULT_LINES);
        assertThat(LogsRequest.linesOfQuery("")).isEqualTo(LogsRequest.DEFAULT_LINES);
        assertThat(LogsRequest.linesOfQuery("1")).isEqualTo(1);
        assertThat(LogsRequest.linesOfQuery(" 5000 ")).isEqualTo(LogsRequest.MAX_LINES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5001", "-3", "many", "2.5", "99999999999"})
    void otherLineCountsAreRefused(String text) {
        assertThatThrownBy(() -> LogsRequest.linesOfQuery(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines must be a whole number from 1 to 5000");
    }
}
