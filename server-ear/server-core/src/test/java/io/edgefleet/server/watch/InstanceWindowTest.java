package io.edgefleet.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceWindowTest {
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void reportsSeenAtPrimingAreNotDeliveredAgain() {
        InstanceWindow window = new InstanceWindow(Duration.ofSeconds(5));
        ReportedInstance old = report(1, "a", T0);
        window.prime(Optional.of(T0), List.of(old));

        assertThat(window.from()).isEqualTo(T0.minusSeconds(5));
        assertThat(window.accept(List.of(old))).isEmpty();
    }

    @Test
    void aReportIsDeliveredOnceThoughPollsOverlap() {
        InstanceWindow window = new InstanceWindow(Duration.ofSeconds(5));
        window.prime(Optional.empty(), List.of());
        ReportedInstance first = report(1, "a", T0);

        assertThat(window.accept(List.of(first))).containsExactly(first.event());
        assertThat(window.accept(List.of(first))).isEmpty();
        assertThat(window.from()).isEqualTo(T0.minusSeconds(5));
    }

    @Test
    void aNewReportOfTheSameInstanceIsDelivered() {
        InstanceWindow window = new InstanceWindow(Duration.ofSeconds(5));
        window.prime(Optional.empty(), List.of());
        ReportedInstance first = report(1, "a", T0);
        ReportedInstance second = report(1, "a", T0.plusMillis(300));

        window.accept(List.of(first));
        assertThat(window.accept(List.of(first, second))).containsExactly(second.event());
    }

    @Test
    void aReportCommittedLateWithAnOlderStampIsStillDelivered() {
        InstanceWindow window = new InstanceWindow(Duration.ofSeconds(5));
        window.prime(Optional.empty(), List.of());
        ReportedInstance newer = report(1, "a", T0.plusSeconds(2));
        ReportedInstance late = report(2, "a", T0.plusSeconds(1));

        window.accept(List.of(newer));
        assertThat(window.from()).isBefore(late.reportedAt());
        assertThat(window.accept(List.of(late, newer))).containsExactly(late.event());
    }

    @Test
    void reportsOlderThanTheWindowAreForgotten() {
        InstanceWindow window = new InstanceWindow(Duration.ofSeconds(5));
        window.prime(Optional.empty(), List.of());
        window.accept(List.of(report(1, "a", T0), report(2, "a", T0)));
        window.accept(List.of(report(3, "a", T0.plusSeconds(60))));

        assertThat(window.remembered()).isEqualTo(1);
    }

    private static ReportedInstance report(long node, String workload, Instant at) {
        return new ReportedInstance(
                node,
                at,
                new WatchEvent.InstanceChange(
                        workload, "node-" + node, 1, "Running", 0, Optional.empty(), "", at.minusSeconds(30)));
    }
}
