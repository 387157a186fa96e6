package io.edgefleet.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchRuleTest {

    @Test
    void theNextBatchIsStored() {
        assertThat(BatchRule.decide(0, 1)).isEqualTo(new BatchRule.Decision.Store(1, false));
        assertThat(BatchRule.decide(7, 8)).isEqualTo(new BatchRule.Decision.Store(8, false));
    }

    @Test
    void anEarlierBatchIsAResendAndAcknowledgesTheLastStored() {
        assertThat(BatchRule.decide(8, 8)).isEqualTo(new BatchRule.Decision.Resend(8));
        assertThat(BatchRule.decide(8, 3)).isEqualTo(new BatchRule.Decision.Resend(8));
        assertThat(BatchRule.decide(1, 1)).isEqualTo(new BatchRule.Decision.Resend(1));
    }

    @Test
    void batchOneAfterHigherOnesRestartsTheCounter() {
        assertThat(BatchRule.decide(42, 1)).isEqualTo(new BatchRule.Decision.Store(1, true));
        assertThat(BatchRule.decide(2, 1)).isEqualTo(new BatchRule.Decision.Store(1, true));
    }

    @Test
    void aBatchAfterAGapIsIgnored() {
        assertThat(BatchRule.decide(3, 5)).isEqualTo(new BatchRule.Decision.Gap(4));
        assertThat(BatchRule.decide(0, 2)).isEqualTo(new BatchRule.Decision.Gap(1));
    }

    @Test
    void impossibleCountersAreRefused() {
        assertThatThrownBy(() -> BatchRule.decide(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchRule.decide(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
