package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final WorkloadTemplate SLEEP = WorkloadTemplate.ofCommand(List.of("sleep", "1000"));
    private static final WorkloadTemplate SLEEP_LONGER = WorkloadTemplate.ofCommand(List.of("sleep", "2000"));

    private static Decision.Observed running(WorkloadTemplate template) {
        return new Decision.Observed(true, true, false, false, template.fingerprint(), Optional.empty());
    }

    private static Decision.Observed exited(WorkloadTemplate template, Optional<Instant> startAt) {
        return new Decision.Observed(true, false, false, false, template.fingerprint(), startAt);
    }

    private static Optional<DesiredWorkload> desired(long generation, WorkloadTemplate template) {
        return Optional.of(new DesiredWorkload("app", generation, template));
    }

    @Test
    void newWorkloadStartsFresh() {
        assertThat(Decision.decide(desired(1, SLEEP), Decision.Observed.NONE, NOW))
                .isEqualTo(new Decision.Start(true));
    }

    @Test
    void generationChangeWithTheSameTemplateDoesNotRestart() {
        assertThat(Decision.decide(desired(7, SLEEP), running(SLEEP), NOW)).isEqualTo(new Decision.Keep());
    }

    @Test
    void templateChangeReplacesARunningProcess() {
        assertThat(Decision.decide(desired(2, SLEEP_LONGER), running(SLEEP), NOW))
                .isEqualTo(new Decision.Replace());
    }

    @Test
    void replacementWaitsForTheStopAndThenStartsFresh() {
        Decision.Observed stopping =
                new Decision.Observed(true, true, true, false, SLEEP.fingerprint(), Optional.empty());
        assertThat(Decision.decide(desired(2, SLEEP_LONGER), stopping, NOW)).isEqualTo(new Decision.Keep());
        assertThat(Decision.decide(desired(2, SLEEP_LONGER), exited(SLEEP, Optional.empty()), NOW))
                .isEqualTo(new Decision.Start(true));
    }

    @Test
    void restartWaitsForItsBackoff() {
        assertThat(Decision.decide(desired(1, SLEEP), exited(SLEEP, Optional.of(NOW.plusSeconds(1))), NOW))
                .isEqualTo(new Decision.Keep());
        assertThat(Decision.decide(desired(1, SLEEP), exited(SLEEP, Optional.of(NOW)), NOW))
                .isEqualTo(new Decision.Start(false));
    }

    @Test
    void completedOrFailedForGoodStaysSo() {
        assertThat(Decision.decide(desired(1, SLEEP), exited(SLEEP, Optional.empty()), NOW))
                .isEqualTo(new Decision.Keep());
    }

    @Test
    void removedWorkloadIsStoppedThenForgotten() {
        assertThat(Decision.decide(Optional.empty(), running(SLEEP), NOW)).isEqualTo(new Decision.Stop());
        assertThat(Decision.decide(Optional.empty(), exited(SLEEP, Optional.empty()), NOW))
                .isEqualTo(new Decision.Forget());
        assertThat(Decision.decide(Optional.empty(), Decision.Observed.NONE, NOW))
                .isEqualTo(new Decision.Keep());
    }

    @Test
    void aDownloadInProgressIsNotStartedTwice() {
        Decision.Observed fetching =
                new Decision.Observed(true, false, false, true, SLEEP.fingerprint(), Optional.of(NOW));
        assertThat(Decision.decide(desired(1, SLEEP), fetching, NOW)).isEqualTo(new Decision.Keep());
    }
}
