package io.edgefleet.edge.device.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.device.TelemetryReading;
import io.edgefleet.protocol.device.ValueQuality;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The telemetry buffer on a real store: bounds, drop counting, batches and acks. */
class TelemetryBufferTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path dataDir;

    private EdgeStore store;
    private TelemetryBuffer buffer;

    @BeforeEach
    void open() {
        store = EdgeStore.open(dataDir);
        buffer = new TelemetryBuffer(
                store,
                new TelemetrySettings(Duration.ofHours(1), 10, 4, 2, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<TelemetryReading> readings(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> new TelemetryReading(
                        "boiler-1",
                        "temperature",
                        JsonNodeFactory.instance.numberNode(i),
                        ValueQuality.GOOD,
                        T0.plusSeconds(i)))
                .toList();
    }

    private void append(List<TelemetryReading> readings, Instant now) {
        store.inTransaction(tx -> {
            buffer.append(tx, readings, now);
            return null;
        });
    }

    private static List<Integer> values(TelemetryBuffer.Batch batch) {
        return batch.readings().stream().map(r -> r.value().intValue()).toList();
    }

    @Test
    void aFullBufferDropsTheOldestFirstAndCountsEveryDrop() {
        append(readings(0, 7), T0);
        append(readings(7, 7), T0);
        TelemetryBuffer.Counters counters = buffer.counters();
        assertThat(counters.rows()).isEqualTo(10);
        assertThat(counters.droppedTotal()).isEqualTo(4);
        TelemetryBuffer.Batch first = buffer.nextBatch().orElseThrow();
        assertThat(values(first)).containsExactly(4, 5, 6, 7);
        assertThat(first.droppedSinceLast()).isEqualTo(4);
        assertThat(buffer.nextBatch().orElseThrow().droppedSinceLast())
                .as("counted once")
                .isZero();
    }

    @Test
    void readingsOlderThanTheMaxAgeAreDroppedAndCounted() {
        append(readings(0, 3), T0);
        append(readings(3, 2), T0.plus(Duration.ofMinutes(61)));
        assertThat(buffer.counters().rows()).isEqualTo(2);
        assertThat(buffer.counters().droppedTotal()).isEqualTo(3);
        assertThat(values(buffer.nextBatch().orElseThrow())).containsExactly(3, 4);
    }

    @Test
    void onlyAnAckDeletesAndUnacknowledgedBatchesComeBackInOrderWithTheirNumbers() {
        append(readings(0, 10), T0);
        TelemetryBuffer.Batch one = buffer.nextBatch().orElseThrow();
        TelemetryBuffer.Batch two = buffer.nextBatch().orElseThrow();
        TelemetryBuffer.Batch three = buffer.nextBatch().orElseThrow();
        assertThat(List.of(one.number(), two.number(), three.number())).containsExactly(1L, 2L, 3L);
        assertThat(values(three)).containsExactly(8, 9);
        assertThat(buffer.nextBatch()).isEmpty();

        assertThat(buffer.unacknowledged(0))
                .extracting(TelemetryBuffer.Batch::number)
                .containsExactly(1L, 2L, 3L);
        assertThat(values(buffer.unacknowledged(1).getFirst())).containsExactly(4, 5, 6, 7);

        assertThat(buffer.ack(2)).isEqualTo(2);
        assertThat(buffer.counters().rows()).isEqualTo(2);
        assertThat(buffer.unacknowledged(0))
                .extracting(TelemetryBuffer.Batch::number)
                .containsExactly(3L);
        assertThat(buffer.ack(1)).as("an older ack changes nothing").isEqualTo(2);
        assertThat(buffer.ack(99)).as("never beyond what was made").isEqualTo(3);
        assertThat(buffer.counters().rows()).isZero();

        append(readings(20, 1), T0);
        assertThat(buffer.nextBatch().orElseThrow().number()).isEqualTo(4);
    }
}
