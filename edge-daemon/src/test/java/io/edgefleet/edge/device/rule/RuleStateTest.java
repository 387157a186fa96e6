package io.edgefleet.edge.device.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.device.rule.RuleState.Transition;
import io.edgefleet.edge.testing.MutableClock;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.RuleComparison;
import io.edgefleet.protocol.device.RuleCondition;
import io.edgefleet.protocol.device.ValueQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rule's condition over time, driven by a clock the test moves. */
class RuleStateTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

    private static RuleCondition above(double threshold, long forMs) {
        return new RuleCondition("boiler-1", "temperature", RuleComparison.ABOVE, J.numberNode(threshold), forMs);
    }

    private Transition feed(RuleState state, double value) {
        return state.onValue(
                new ReportedValue(
                        "temperature",
                        Optional.of(J.numberNode(value)),
                        ValueQuality.GOOD,
                        clock.instant(),
                        Optional.empty()),
                clock.instant());
    }

    private Transition feedError(RuleState state) {
        return state.onValue(
                new ReportedValue(
                        "temperature", Optional.empty(), ValueQuality.ERROR, clock.instant(), Optional.of("timeout")),
                clock.instant());
    }

    @Test
    void firesOnceWhenTheConditionHeldForItsDurationAndClearsOnceAfterwards() {
        RuleState state = new RuleState(above(70, 5000));
        assertThat(feed(state, 80)).isEqualTo(Transition.NONE);
        clock.advance(Duration.ofMillis(4999));
        assertThat(feed(state, 81)).isEqualTo(Transition.NONE);
        clock.advance(Duration.ofMillis(1));
        assertThat(feed(state, 82)).isEqualTo(Transition.FIRED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(feed(state, 90)).as("fires once, not on every value").isEqualTo(Transition.NONE);
        assertThat(feed(state, 60)).isEqualTo(Transition.CLEARED);
        assertThat(feed(state, 60)).isEqualTo(Transition.NONE);
    }

    @Test
    void aBreakRestartsTheDuration() {
        RuleState state = new RuleState(above(70, 5000));
        feed(state, 80);
        clock.advance(Duration.ofSeconds(3));
        feed(state, 65);
        clock.advance(Duration.ofSeconds(1));
        feed(state, 80);
        clock.advance(Duration.ofSeconds(4));
        assertThat(feed(state, 80)).as("only 4 s since the break").isEqualTo(Transition.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(feed(state, 80)).isEqualTo(Transition.FIRED);
    }

    @Test
    void onlyGoodValuesHoldAndABadOneDoesNotClearAFiredRule() {
        RuleState state = new RuleState(above(70, 2000));
        feed(state, 80);
        clock.advance(Duration.ofSeconds(1));
        assertThat(feedError(state)).isEqualTo(Transition.NONE);
        clock.advance(Duration.ofSeconds(2));
        assertThat(feed(state, 80)).as("the error broke the hold").isEqualTo(Transition.NONE);
        clock.advance(Duration.ofSeconds(2));
        assertThat(feed(state, 80)).isEqualTo(Transition.FIRED);
        assertThat(feedError(state)).isEqualTo(Transition.NONE);
        assertThat(state.fired()).isTrue();
    }

    @Test
    void zeroDurationFiresOnTheFirstMatchAndEqualsComparesNumbersAsNumbers() {
        RuleState state =
                new RuleState(new RuleCondition("boiler-1", "temperature", RuleComparison.EQUALS, J.numberNode(70), 0));
        assertThat(feed(state, 70.0)).isEqualTo(Transition.FIRED);
        assertThat(RuleState.matches(
                        new RuleCondition("d", "mode", RuleComparison.EQUALS, J.textNode("manual"), 0),
                        J.textNode("manual")))
                .isTrue();
        assertThat(RuleState.matches(above(70, 0), J.textNode("hot"))).isFalse();
        assertThat(RuleState.matches(
                        new RuleCondition("d", "t", RuleComparison.BELOW, J.numberNode(5), 0), J.numberNode(4.99)))
                .isTrue();
    }
}
