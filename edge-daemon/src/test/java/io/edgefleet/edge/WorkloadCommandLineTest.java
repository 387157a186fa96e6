package io.edgefleet.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkloadCommandLineTest {

    @Test
    void workloadsTakesJson() {
        CommandLine line = CommandLine.parse("workloads", "--json");
        assertThat(line.command()).isEqualTo(CommandLine.Command.WORKLOADS);
        assertThat(line.json()).isTrue();
    }

    @Test
    void logsNamesAWorkloadWithLinesAndStream() {
        CommandLine line = CommandLine.parse("logs", "web", "--lines", "20", "--stderr");
        assertThat(line.command()).isEqualTo(CommandLine.Command.LOGS);
        assertThat(line.workload()).contains("web");
        assertThat(line.lines()).isEqualTo(20);
        assertThat(line.stderr()).isTrue();
        assertThat(CommandLine.parse("logs", "web").lines()).isEqualTo(CommandLine.DEFAULT_LINES);
    }

    @Test
    void logsNeedsAWorkloadAndItsOptionsGoNowhereElse() {
        assertThatThrownBy(() -> CommandLine.parse("logs")).isInstanceOf(EdgeException.class);
        assertThatThrownBy(() -> CommandLine.parse("status", "--stderr")).isInstanceOf(EdgeException.class);
        assertThatThrownBy(() -> CommandLine.parse("logs", "web", "--lines", "0"))
                .isInstanceOf(EdgeException.class);
        assertThatThrownBy(() -> CommandLine.parse("logs", "web", "--json")).isInstanceOf(EdgeException.class);
    }
}
