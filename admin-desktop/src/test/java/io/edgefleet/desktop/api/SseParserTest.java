package io.edgefleet.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void readsIdEventAndDataOfEachEvent() {
        feed("id: 12", "event: MODIFIED", "data: {\"a\":1}", "", "event: instance", "data:{\"b\":2}", "");
        assertThat(events)
                .containsExactly(
                        new SseEvent(Optional.of("12"), "MODIFIED", "{\"a\":1}"),
                        new SseEvent(Optional.empty(), "instance", "{\"b\":2}"));
    }

    @Test
    void commentsAreKeepAlivesAndNoEvent() {
        feed(": keep-alive", "", ":", "");
        assertThat(events).isEmpty();
    }

    @Test
    void severalDataLinesJoinWithNewlines() {
        feed("data: one", "data: two", "");
        assertThat(events).containsExactly(new SseEvent(Optional.empty(), "message", "one\ntwo"));
    }
}
