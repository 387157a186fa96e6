package io.edgefleet.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.ConditionStatus;
import io.edgefleet.protocol.NodeCondition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConditionsTest {
    private static final long GIB = 1L << 30;
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final NodeConditions conditions = new NodeConditions("/var/lib/edgefleet");

    private static HostReadings disk(long usable, long total) {
        return new HostReadings(
                OptionalLong.of(usable),
                OptionalLong.of(total),
                OptionalLong.of(4_000_000),
                OptionalLong.of(8_000_000));
    }

    private static HostReadings memory(long availableKb, long totalKb) {
        return new HostReadings(
                OptionalLong.of(50 * GIB),
                OptionalLong.of(100 * GIB),
                OptionalLong.of(availableKb),
                OptionalLong.of(totalKb));
    }

    private static NodeCondition find(List<NodeCondition> all, String type) {
        return all.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void aDiskBelowTenPercentIsUnderPressureAndStaysSoUntilTwelve() {
        NodeCondition low = find(conditions.judge(disk(9 * GIB, 100 * GIB), T0), NodeCondition.DISK_PRESSURE);
        NodeCondition stillLow =
                find(conditions.judge(disk(11 * GIB, 100 * GIB), T0.plusSeconds(30)), NodeCondition.DISK_PRESSURE);
        NodeCondition relieved =
                find(conditions.judge(disk(12 * GIB, 100 * GIB), T0.plusSeconds(60)), NodeCondition.DISK_PRESSURE);

        assertThat(low.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(low.reason()).isEqualTo("LowDiskSpace");
        assertThat(low.message()).isEqualTo("9% free (9.0 GiB of 100.0 GiB) for /var/lib/edgefleet");
        assertThat(stillLow.status()).as("no flapping at 11 %").isEqualTo(ConditionStatus.TRUE);
        assertThat(stillLow.lastTransitionTime()).isEqualTo(T0);
        assertThat(relieved.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(relieved.lastTransitionTime()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aSmallDiskIsUnderPressureBelow256MibWhateverItsShare() {
        NodeCondition small =
                find(conditions.judge(disk(200L << 20, 1L << 30), T0), NodeCondition.DISK_PRESSURE); // 19 % of 1 GiB

        assertThat(small.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(small.message()).startsWith("20% free (200 MiB of 1.0 GiB)");
    }

    @Test
    void memoryBelowTenPercentAvailableIsPressure() {
        List<NodeCondition> plenty = conditions.judge(memory(4_000_000, 8_000_000), T0);
        List<NodeCondition> short1 = conditions.judge(memory(700_000, 8_000_000), T0.plusSeconds(30));

        assertThat(find(plenty, NodeCondition.MEMORY_PRESSURE).status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(find(short1, NodeCondition.MEMORY_PRESSURE))
                .extracting(NodeCondition::status, NodeCondition::reason, NodeCondition::lastTransitionTime)
                .containsExactly(ConditionStatus.TRUE, "LowMemory", T0.plusSeconds(30));
    }

    @Test
    void whatCannotBeReadIsUnknown() {
        List<NodeCondition> all = conditions.judge(
                new HostReadings(
                        OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()),
                T0);

        assertThat(all)
                .extracting(NodeCondition::type, NodeCondition::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NodeCondition.DISK_PRESSURE, ConditionStatus.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple(NodeCondition.MEMORY_PRESSURE, ConditionStatus.UNKNOWN));
    }

    @Test
    void thisMachineCanBeRead(@TempDir Path dir) {
        HostReadings readings = HostReadings.read(dir);

        assertThat(readings.diskTotalBytes()).isPresent();
        assertThat(readings.memTotalKb()).as("/proc/meminfo on Linux").isPresent();
        assertThat(conditions.judge(readings, T0))
                .extracting(NodeCondition::status)
                .doesNotContain(ConditionStatus.UNKNOWN);
    }
}
