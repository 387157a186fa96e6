package io.edgefleet.edge.device.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusStateTest {
    private final BusState state = new BusState(3, 2);

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<BusMessage> drain() throws InterruptedException {
        List<BusMessage> out = new ArrayList<>();
        for (Optional<BusMessage> m = state.take(Duration.ZERO); m.isPresent(); m = state.take(Duration.ZERO)) {
            out.add(m.get());
        }
        return out;
    }

    private static BusMessage answer(String text) {
        return new BusMessage("r", b(text), false, Optional.empty());
    }

    @Test
    void theNewestStatePerTopicWinsAndWhatItReplacedIsCounted() throws InterruptedException {
        state.retain("a", b("1"));
        state.retain("b", b("1"));
        state.retain("a", b("2"));
        state.retain("a", b("3"));

        List<BusMessage> out = drain();

        assertThat(out).extracting(BusMessage::topic).containsExactly("a", "b");
        assertThat(new String(out.getFirst().payload(), StandardCharsets.UTF_8)).isEqualTo("3");
        assertThat(out).allMatch(BusMessage::retained);
        assertThat(state.superseded()).isEqualTo(2);
        assertThat(state.dropped()).isZero();
    }

    @Test
    void theSameStateAgainIsNoNews() throws InterruptedException {
        assertThat(state.retain("a", b("Online"))).isTrue();
        drain();
        assertThat(state.retain("a", b("Online"))).isFalse();
        assertThat(drain()).isEmpty();
    }

    @Test
    void afterAConnectEveryRetainedTopicIsPublishedAgain() throws InterruptedException {
        state.retain("a", b("1"));
        state.retain("b", b("2"));
        drain();
        state.republishAll();
        assertThat(drain()).extracting(BusMessage::topic).containsExactly("a", "b");
    }

    @Test
    void topicsBeyondTheBoundAreDroppedAndCounted() throws InterruptedException {
        state.retain("a", b("1"));
        state.retain("b", b("1"));
        state.retain("c", b("1"));
        assertThat(state.retain("d", b("1"))).isFalse();
        assertThat(state.dropped()).isEqualTo(1);
        assertThat(drain()).extracting(BusMessage::topic).containsExactly("a", "b", "c");
    }

    @Test
    void answersComeFirstAndTheOldestIsDroppedWhenFull() throws InterruptedException {
        state.retain("a", b("1"));
        state.answer(answer("x"));
        state.answer(answer("y"));
        state.answer(answer("z"));
        List<BusMessage> out = drain();
        assertThat(out)
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("y", "z", "1");
        assertThat(state.dropped()).isEqualTo(1);
    }

    @Test
    void aFailedRetainedMessageIsTriedAgainAndAFailedAnswerIsLost() throws InterruptedException {
        state.retain("a", b("1"));
        state.answer(answer("x"));
        List<BusMessage> out = drain();
        out.forEach(state::failed);
        assertThat(drain()).extracting(BusMessage::topic).containsExactly("a");
        assertThat(state.dropped()).isEqualTo(1);
    }

    @Test
    void aRemovedDeviceIsClearedOnTheBrokerThenForgotten() throws InterruptedException {
        state.retain("devices/d1/state", b("Online"));
        state.retain("devices/d1/delta", b("{}"));
        state.retain("devices/d2/state", b("Online"));
        drain();

        state.forget("devices/d1/");
        List<BusMessage> out = drain();

        assertThat(out).extracting(BusMessage::topic).containsExactly("devices/d1/state", "devices/d1/delta");
        assertThat(out).allMatch(m -> m.payload().length == 0 && m.retained());
        out.forEach(state::delivered);
        state.republishAll();
        assertThat(drain()).extracting(BusMessage::topic).containsExactly("devices/d2/state");
        assertThat(state.current("devices/d1/state")).isEmpty();
    }

    @Test
    void aPokeEndsAWaitingTake() throws InterruptedException {
        state.poke();
        long start = System.nanoTime();
        assertThat(state.take(Duration.ofSeconds(5))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
