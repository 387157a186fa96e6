package io.edgefleet.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatBufferTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void onlyTheLatestHeartbeatOfANodeIsKept() {
        HeartbeatBuffer buffer = new HeartbeatBuffer();
        buffer.record(new HeartbeatBuffer.Seen("default", "a", T0, 3));
        buffer.record(new HeartbeatBuffer.Seen("default", "a", T0.plusSeconds(10), 0));
        buffer.record(new HeartbeatBuffer.Seen("default", "b", T0, 1));

        List<HeartbeatBuffer.Seen> batch = buffer.drain();

        assertThat(batch).hasSize(2).contains(new HeartbeatBuffer.Seen("default", "a", T0.plusSeconds(10), 0));
        assertThat(buffer.drain()).isEmpty();
    }

    @Test
    void anOlderHeartbeatDoesNotReplaceANewerOne() {
        HeartbeatBuffer buffer = new HeartbeatBuffer();
        buffer.record(new HeartbeatBuffer.Seen("default", "a", T0.plusSeconds(10), 0));
        buffer.record(new HeartbeatBuffer.Seen("default", "a", T0, 7));

        assertThat(buffer.drain()).containsExactly(new HeartbeatBuffer.Seen("default", "a", T0.plusSeconds(10), 0));
    }

    @Test
    void aFailedBatchComesBackUnlessANewerHeartbeatArrived() {
        HeartbeatBuffer buffer = new HeartbeatBuffer();
        buffer.record(new HeartbeatBuffer.Seen("default", "a", T0, 1));
        buffer.record(new HeartbeatBuffer.Seen("default", "b", T0, 1));
        List<HeartbeatBuffer.Seen> failed = buffer.drain();
        buffer.record(new HeartbeatBuffer.Seen("default", "a", T0.plusSeconds(10), 0));

        buffer.restore(failed);

        assertThat(buffer.drain())
                .containsExactlyInAnyOrder(
                        new HeartbeatBuffer.Seen("default", "a", T0.plusSeconds(10), 0),
                        new HeartbeatBuffer.Seen("default", "b", T0, 1));
    }

    @Test
    void tenantsKeepTheirNodesApart() {
        HeartbeatBuffer buffer = new HeartbeatBuffer();
        buffer.record(new HeartbeatBuffer.Seen("t1", "a", T0, 0));
        buffer.record(new HeartbeatBuffer.Seen("t2", "a", T0, 0));

        assertThat(buffer.size()).isEqualTo(2);
    }
}
