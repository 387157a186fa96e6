package io.edgefleet.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceRuleTest {

    @Test
    void theNextSequenceNumberApplies() {
        assertThat(SequenceRule.decide(0, 1)).isEqualTo(new SequenceRule.Decision.Apply(1));
        assertThat(SequenceRule.decide(41, 42)).isEqualTo(new SequenceRule.Decision.Apply(42));
    }

    @Test
    void anAppliedSequenceNumberIsADuplicateAcknowledgedAgain() {
        assertThat(SequenceRule.decide(5, 5)).isEqualTo(new SequenceRule.Decision.Duplicate(5));
        assertThat(SequenceRule.decide(5, 1)).isEqualTo(new SequenceRule.Decision.Duplicate(5));
    }

    @Test
    void aGapIsOutOfOrderAndNamesTheExpectedNumber() {
        assertThat(SequenceRule.decide(1, 3)).isEqualTo(new SequenceRule.Decision.OutOfOrder(2));
        assertThat(SequenceRule.decide(0, 2)).isEqualTo(new SequenceRule.Decision.OutOfOrder(1));
    }

    @Test
    void sequenceNumbersStartAtOne() {
        assertThatThrownBy(() -> SequenceRule.decide(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
